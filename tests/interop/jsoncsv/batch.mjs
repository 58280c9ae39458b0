// Runs json-2-csv 5.x over a batch of cases for the .NET differential tests.
// stdin: one JSON object per line, {"mode":"json2csv"|"csv2json","input":<array>|<csv string>,"options":{...}}.
// stdout: one JSON object per line, {"output":<csv string or JSON text>} or {"error":<message>}.
// The extra option "rawValues": true makes csv2json keep every field as the string it read, which shows
// how json-2-csv split the CSV into records and fields.
import { createInterface } from 'node:readline';
import { json2csv, csv2json } from 'json-2-csv';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
const results = [];
for await (const line of lines) {
  if (line.length === 0) continue;
  const { mode, input, options: given } = JSON.parse(line);
  const { rawValues, ...options } = given ?? {};
  if (rawValues) options.parseValue = (text) => text;
  try {
    const output = mode === 'json2csv'
      ? json2csv(input, options)
      : JSON.stringify(csv2json(input, options));
    results.push(JSON.stringify({ output }));
  } catch (error) {
    results.push(JSON.stringify({ error: String(error?.message ?? error) }));
  }
}
process.stdout.write(results.join('\n') + '\n');
