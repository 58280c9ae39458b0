// Canonicalizes newline-delimited JSON documents from stdin with the npm `canonicalize` package,
// printing one line per document: the canonical form, or "!ERR <message>" when it is rejected.
// Used by the .NET differential test as an independent RFC 8785 implementation.
import canonicalize from 'canonicalize';
import { createInterface } from 'node:readline';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
let batch = [];
for await (const line of lines) {
  let result;
  try {
    result = canonicalize(JSON.parse(line));
  } catch (error) {
    result = '!ERR ' + error.message.replaceAll('\n', ' ');
  }
  batch.push(result);
  if (batch.length === 1000) {
    process.stdout.write(batch.join('\n') + '\n');
    batch = [];
  }
}
if (batch.length > 0) {
  process.stdout.write(batch.join('\n') + '\n');
}
