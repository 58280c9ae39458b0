// Times the benchmark queries on the Kuzu embedded graph database (npm kuzu 0.11.3, installed in
// tests/interop), for bench/Raytio.Cypher.Bench. Argument: the folder with kuzu.json and the CSV
// files it names (written by KuzuExport). The graph is loaded once into an in-memory database
// with COPY FROM (not timed with the queries); each query is prepared once, run twice to warm
// up, then repeatedly for at least `seconds` and `minRounds` runs. Kuzu runs on one thread, as
// each SQL statement does. stdout: {"loadMs", "queries": [{"name", "rows", "runsMs"} | {"name", "error"}]}.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(new URL('../../tests/interop/package.json', import.meta.url));
const kuzu = require('kuzu');

const folder = process.argv[2];
const description = JSON.parse(readFileSync(join(folder, 'kuzu.json'), 'utf8'));
const database = new kuzu.Database(':memory:');
const connection = new kuzu.Connection(database, 1);

const loadStarted = performance.now();
for (const table of description.nodeTables) {
  const columns = ['id INT64', 'n_id STRING', ...table.columns.map((c) => `${c} STRING`), 'PRIMARY KEY(id)'];
  await connection.query(`CREATE NODE TABLE ${table.name}(${columns.join(', ')})`);
  await connection.query(`COPY ${table.name} FROM '${join(folder, table.file)}' (header=true)`);
}
for (const table of description.relTables) {
  const ends = table.pairs.map((p) => `FROM ${p.from} TO ${p.to}`);
  await connection.query(`CREATE REL TABLE ${table.type}(${ends.join(', ')})`);
  for (const pair of table.pairs) {
    const options = table.pairs.length > 1 ? `header=true, from='${pair.from}', to='${pair.to}'` : 'header=true';
    await connection.query(`COPY ${table.type} FROM '${join(folder, pair.file)}' (${options})`);
  }
}
const loadMs = performance.now() - loadStarted;

const queries = [];
for (const query of description.queries) {
  queries.push(await measure(query));
}
// No close: closing the connection after prepared statements were used crashes Kuzu 0.11.3
// (segmentation fault); the in-memory database ends with the process.
process.stdout.write(JSON.stringify({ loadMs, queries }, (_, value) => (typeof value === 'bigint' ? Number(value) : value)));
process.exit(0);

async function measure(query) {
  try {
    const statement = await connection.prepare(query.cypher);
    const run = async () => {
      const result = await connection.execute(statement, query.parameters);
      const columns = await result.getColumnNames();
      return (await result.getAll()).map((row) => columns.map((column) => row[column]));
    };
    let rows = await run();
    await run();
    const runsMs = [];
    const started = performance.now();
    while (runsMs.length < 500 && (runsMs.length < description.minRounds || performance.now() - started < description.seconds * 1000)) {
      const t = performance.now();
      rows = await run();
      runsMs.push(performance.now() - t);
    }
    return { name: query.name, rows, runsMs };
  } catch (error) {
    return { name: query.name, error: String(error.message ?? error) };
  }
}
