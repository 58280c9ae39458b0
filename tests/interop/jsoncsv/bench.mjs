// Benchmarks json-2-csv on one file for bench/Raytio.JsonCsv.Bench: reads the input, converts it the way
// json-2-csv works (whole input in memory), writes the output, RUNS times in one process, and prints
// {"seconds" (fastest run after the first, i.e. warmed up like the .NET side), "maxRssBytes"}.
// Usage: node bench.mjs <json2csv|csv2json> <input> <output> [runs, default 1]
import { readFileSync, writeFileSync } from 'node:fs';
import { json2csv, csv2json } from 'json-2-csv';

const [direction, inputPath, outputPath, runsText] = process.argv.slice(2);
const runs = Math.max(1, Number(runsText ?? 1));
const times = [];
for (let run = 0; run < runs; run++) {
  const started = process.hrtime.bigint();
  const text = readFileSync(inputPath, 'utf8');
  const output = direction === 'json2csv'
    ? json2csv(JSON.parse(text))
    : JSON.stringify(csv2json(text));
  writeFileSync(outputPath, output);
  times.push(Number(process.hrtime.bigint() - started) / 1e9);
}
const seconds = Math.min(...(times.length > 1 ? times.slice(1) : times));
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
