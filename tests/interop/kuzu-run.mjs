// Runs Cypher queries on the Kuzu embedded graph database, for the Cypher differential test.
// stdin (or the file named by the first argument): {"graph": {nodeTables, relTables, nodes, relationships},
// "queries": ["MATCH ..."]}; the graph's shape is written by the C# KuzuGraphDescription.
// stdout: one entry per query, in order: {"columns": [...], "rows": [[...], ...]} or {"error": "..."}.
// The database lives in memory and disappears with the process: one process per batch of queries.
import { readFileSync } from 'node:fs';
import kuzu from 'kuzu';

const input = JSON.parse(process.argv[2] ? readFileSync(process.argv[2], 'utf8') : await readStdin());
const database = new kuzu.Database(':memory:');
const connection = new kuzu.Connection(database, 1);
const statements = new Map();

await loadGraph(input.graph);
const answers = [];
for (const query of input.queries) {
  answers.push(await run(query));
}
// No close: closing the connection after prepared statements were used crashes Kuzu 0.11.3
// (segmentation fault); the in-memory database ends with the process.
process.stdout.write(JSON.stringify(answers, (_, value) => (typeof value === 'bigint' ? Number(value) : value)));

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function loadGraph(graph) {
  for (const table of graph.nodeTables) {
    const columns = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    await connection.query(`CREATE NODE TABLE ${table.label}(${columns}, PRIMARY KEY(${table.primaryKey}))`);
  }
  for (const table of graph.relTables) {
    const ends = table.pairs.map(([from, to]) => `FROM ${from} TO ${to}`);
    const columns = table.columns.map((c) => `${c.name} ${c.type}`);
    await connection.query(`CREATE REL TABLE ${table.type}(${[...ends, ...columns].join(', ')})`);
  }
  // Missing (null) properties are left out of the map: Kuzu stores NULL for an absent column.
  for (const node of graph.nodes) {
    const present = presentProperties(node.properties);
    await execute(`CREATE (:${node.label} {${assignments(present, 'p_')}})`, prefixed(present, 'p_'));
  }
  for (const rel of graph.relationships) {
    const present = presentProperties(rel.properties);
    const statement =
      `MATCH (a:${rel.from.label} {${rel.from.keyName}: $from}), (b:${rel.to.label} {${rel.to.keyName}: $to}) ` +
      `CREATE (a)-[:${rel.type} {${assignments(present, 'p_')}}]->(b)`;
    await execute(statement, { from: rel.from.key, to: rel.to.key, ...prefixed(present, 'p_') });
  }
}

function presentProperties(properties) {
  return Object.fromEntries(Object.entries(properties ?? {}).filter(([, value]) => value !== null));
}

function assignments(properties, prefix) {
  return Object.keys(properties).map((name) => `${name}: $${prefix}${name}`).join(', ');
}

function prefixed(properties, prefix) {
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [prefix + name, value]));
}

async function execute(statement, parameters) {
  if (!statements.has(statement)) {
    statements.set(statement, await connection.prepare(statement));
  }
  await connection.execute(statements.get(statement), parameters);
}

async function run(query) {
  try {
    const result = await connection.query(query);
    const columns = await result.getColumnNames();
    const rows = (await result.getAll()).map((row) => columns.map((column) => row[column]));
    return { columns, rows };
  } catch (error) {
    return { error: String(error.message ?? error) };
  }
}
