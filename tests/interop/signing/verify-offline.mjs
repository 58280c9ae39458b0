// Verifies a Raytio signature offline, with nothing but the published JWK set.
// Usage: node verify-offline.mjs jwks.json data.json signature.txt
//   jwks.json      the server's public keys (GET of its JWK set)
//   data.json      the signed JSON data, in any formatting or key order
//   signature.txt  the base64 signature; line breaks, spaces and literal "\n" sequences are ignored
// Needs the npm package canonicalize (RFC 8785). Exits 0 and prints "Verified OK (kid ...)" on success.
import canonicalize from 'canonicalize';
import { constants, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [jwksPath, dataPath, signaturePath] = process.argv.slice(2);
if (!signaturePath) {
  console.error('Usage: node verify-offline.mjs jwks.json data.json signature.txt');
  process.exit(2);
}

const { keys } = JSON.parse(readFileSync(jwksPath, 'utf8'));
const canonical = Buffer.from(canonicalize(JSON.parse(readFileSync(dataPath, 'utf8'))), 'utf8');
const signature = Buffer.from(readFileSync(signaturePath, 'utf8').replaceAll('\\n', '').replace(/\s+/g, ''), 'base64');

// Signatures carry no key id: try every published key.
for (const jwk of keys) {
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const options = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 };
  if (verify('sha512', canonical, options, signature)) {
    console.log(`Verified OK (kid ${jwk.kid})`);
    process.exit(0);
  }
}
console.error('Verification failure');
process.exit(1);
