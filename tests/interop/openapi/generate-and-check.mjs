// Generates TypeScript types from the served OpenAPI document with openapi-typescript, then
// type-checks client.mjs against them with the TypeScript compiler: a document that does not
// describe what the client sends and reads fails here.
// args: <document url> <folder for the generated types>; stderr: the compiler's diagnostics.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const [documentUrl, outputFolder] = process.argv.slice(2);
const typesFile = join(outputFolder, 'raytio-api.d.ts');
await writeFile(typesFile, astToString(await openapiTS(new URL(documentUrl))));

const program = ts.createProgram([new URL('./client.mjs', import.meta.url).pathname], {
  allowJs: true,
  checkJs: true,
  noEmit: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: [],
  // client.mjs imports the generated types by this name.
  paths: { 'raytio-api': [typesFile] },
});
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  process.stderr.write(ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  }));
  process.exit(1);
}
process.stdout.write(JSON.stringify({ types: typesFile }));
