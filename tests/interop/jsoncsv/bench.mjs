// Benchmarks json-2-csv on one file for bench/Raytio.JsonCsv.Bench: reads the input, converts it the way
// json-2-csv works (whole input in memory), writes the output and prints {"seconds", "maxRssBytes"}.
// Usage: node bench.mjs <json2csv|csv2json> <input> <output>
import { readFileSync, writeFileSync } from 'node:fs';
import { json2csv, csv2json } from 'json-2-csv';

const [direction, inputPath, outputPath] = process.argv.slice(2);
const started = process.hrtime.bigint();
const text = readFileSync(inputPath, 'utf8');
const output = direction === 'json2csv'
  ? json2csv(JSON.parse(text))
  : JSON.stringify(csv2json(text));
writeFileSync(outputPath, output);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
