// Throughput of the npm canonicalize package on one JSON file, for bench/signing.sh.
// Usage: node bench-canonicalize.mjs data.json minSeconds
// Prints {"parseAndCanonicalizeMBps": ..., "canonicalizeOnlyMBps": ...}: median of the timed runs,
// in megabytes (10^6) of input per second, after two warm-up runs.
import canonicalize from 'canonicalize';
import { readFileSync } from 'node:fs';

const [path, minSeconds = '3'] = process.argv.slice(2);
const bytes = readFileSync(path);
const text = bytes.toString('utf8');

function medianMBps(run) {
  run();
  run();
  const rates = [];
  const deadline = performance.now() + Number(minSeconds) * 1000;
  while (rates.length < 5 || performance.now() < deadline) {
    const start = performance.now();
    run();
    rates.push(bytes.length / 1e6 / ((performance.now() - start) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

const parsed = JSON.parse(text);
console.log(JSON.stringify({
  parseAndCanonicalizeMBps: medianMBps(() => canonicalize(JSON.parse(text))),
  canonicalizeOnlyMBps: medianMBps(() => canonicalize(parsed)),
}));
