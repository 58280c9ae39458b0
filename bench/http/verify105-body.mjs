// Writes the body of operation 105 (POST /extract_verify/v1/verify) for bench/http/verify105.sh:
//   node bench/http/verify105-body.mjs KEY.pem PAIRS > body.json
// PAIRS {"data", "signature"} items of a realistic verification record (each with its own v_id), the
// signature being RSA-PSS SHA-512 (salt 64), base64, over the RFC 8785 canonical form of data, made
// with the server's own signing key (PKCS#8 PEM) so that every pair answers "verified": true.
// canonicalize is resolved from tests/interop/node_modules (run `npm ci` there first).
import { constants, createPrivateKey, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'tests', 'interop', 'package.json'));
const canonicalizeModule = await import(require.resolve('canonicalize'));
const canonicalize = canonicalizeModule.default ?? canonicalizeModule;

const [keyFile, pairsText] = process.argv.slice(2);
const pairs = Number.parseInt(pairsText ?? '1', 10);
if (!keyFile || !(pairs >= 1)) {
  console.error('usage: node verify105-body.mjs KEY.pem PAIRS');
  process.exit(2);
}
const key = createPrivateKey(readFileSync(keyFile));

const items = [];
for (let i = 0; i < pairs; i++) {
  const data = {
    verifier: 'Data Zoo',
    verifier_div: '1afb7a4a-d08c-4870-aa78-089afbefbe40',
    request_div: '757cd4f7-b793-457c-b601-a10da3287241',
    metadata: {},
    verification_date: '2020-04-14T05:32:46.530Z',
    passed: true,
    field: 'first_given_name',
    source: 'NZ_PASSPORT',
    v_id: i === 0 ? '758f1ec9-e527-4d86-9183-96ca095f70e5' : randomUUID(),
    value: 'DONALD',
  };
  const signature = sign('sha512', Buffer.from(canonicalize(data), 'utf8'), {
    key,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 64,
  });
  items.push({ data, signature: signature.toString('base64') });
}
process.stdout.write(JSON.stringify(items));
