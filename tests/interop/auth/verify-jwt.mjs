// Verifies a JWT with an independent implementation (jose), using only the server's JWK set.
// stdin: {"jwks": {...}, "token": "...", "now": unixSeconds, "url"?: "jwks url"}; stdout: {"valid", "header", "payload"} or {"valid": false, "error"}.
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify } from 'jose';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const keys = input.url ? createRemoteJWKSet(new URL(input.url)) : createLocalJWKSet(input.jwks);
try {
  const { payload, protectedHeader } = await jwtVerify(input.token, keys, {
    issuer: 'raytio',
    audience: 'raytio-api',
    algorithms: ['RS256'],
    currentDate: input.now ? new Date(input.now * 1000) : undefined,
  });
  process.stdout.write(JSON.stringify({ valid: true, header: protectedHeader, payload }));
} catch (error) {
  process.stdout.write(JSON.stringify({ valid: false, error: String(error.code ?? error.message) }));
}
