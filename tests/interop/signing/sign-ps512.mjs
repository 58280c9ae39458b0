// Independent PS512 signer for the .NET interop test: reads JSON from stdin, generates a 4096-bit
// RSA key, signs the RFC 8785 canonical form with RSA-PSS SHA-512 (salt length 64) and prints
// {"jwk": public JWK with its RFC 7638 kid, "signature": base64, "canonical": the signed text}.
import canonicalize from 'canonicalize';
import { calculateJwkThumbprint } from 'jose';
import { constants, generateKeyPairSync, sign } from 'node:crypto';

let input = '';
for await (const chunk of process.stdin.setEncoding('utf8')) {
  input += chunk;
}

const canonical = canonicalize(JSON.parse(input));
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 4096 });
const signature = sign('sha512', Buffer.from(canonical, 'utf8'), {
  key: privateKey,
  padding: constants.RSA_PKCS1_PSS_PADDING,
  saltLength: 64,
});
const jwk = publicKey.export({ format: 'jwk' });
jwk.kid = await calculateJwkThumbprint(jwk, 'sha256');
console.log(JSON.stringify({ jwk, signature: signature.toString('base64'), canonical }));
