// Validates documents against draft-07 schemas with an independent implementation (ajv, formats
// from ajv-formats). stdin: {"cases": [{"schema": "<json text>", "documents": ["<json text>", ...]}]};
// stdout: {"results": [{"verdicts": [true, false, ...]} | {"error": "why ajv refused the schema"}]}.
// strict: false, so that ajv judges by the specification and not by its own lint rules.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = input.cases.map(({ schema, documents }) => {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  try {
    const validate = ajv.compile(JSON.parse(schema));
    return { verdicts: documents.map((document) => validate(JSON.parse(document))) };
  } catch (error) {
    return { error: String(error.message) };
  }
});
process.stdout.write(JSON.stringify({ results }));
