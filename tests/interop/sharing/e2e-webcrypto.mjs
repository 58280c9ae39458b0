// End-to-end encryption through the server with Node's WebCrypto, as a browser client would do it.
// stdin: {"base", "orgId", "schema", "field", "plaintext",
//         "owner": {"token", "id", "password"}, "colleague": {"token", "id", "password"}, "person": {"token"}}
// stdout: {"a_id", "i_id", "owner": "<decrypted>", "colleague": "<decrypted>"}
// The server only ever sees public keys, wrapped keys and ciphertext.
const { subtle } = globalThis.crypto;
const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const unb64u = (text) => new Uint8Array(Buffer.from(text, 'base64url'));
const rsa = { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
const aes = { name: 'AES-GCM', length: 256 };

async function api(method, path, token, body) {
  const response = await fetch(new URL(path, input.base), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

// A private key as the reference stores it: encrypted with a fresh AES-GCM key (encrypted_data),
// that AES key wrapped by `wrapping` (encrypted_key).
async function wrapPrivateKey(privateKey, wrapAesKey) {
  const contentKey = await subtle.generateKey(aes, true, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const pkcs8 = await subtle.exportKey('pkcs8', privateKey);
  const data = await subtle.encrypt({ name: 'AES-GCM', iv }, contentKey, pkcs8);
  return {
    encrypted_data: { algorithm: { name: 'AES-GCM', length: 256 }, data: b64u(data), iv: b64u(iv) },
    encrypted_key: { encrypted_key: b64u(await wrapAesKey(contentKey)) },
  };
}

async function unwrapPrivateKey(stored, unwrapAesKey) {
  const contentKey = await unwrapAesKey(unb64u(stored.encrypted_key.encrypted_key));
  const pkcs8 = await subtle.decrypt({ name: 'AES-GCM', iv: unb64u(stored.encrypted_data.iv) }, contentKey, unb64u(stored.encrypted_data.data));
  return subtle.importKey('pkcs8', pkcs8, rsa, true, ['decrypt', 'unwrapKey']);
}

// A user's own key pair: the public half published, the private half wrapped with a key derived from their password.
async function passwordKey(user) {
  const material = await subtle.importKey('raw', new TextEncoder().encode(user.password), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', salt: new TextEncoder().encode(user.id), iterations: 210000, hash: 'SHA-256' },
    material, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

async function enrol(user) {
  const pair = await subtle.generateKey(rsa, true, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
  const kek = await passwordKey(user);
  await api('PUT', '/share/v1/users/me/public_key', user.token, await subtle.exportKey('jwk', pair.publicKey));
  await api('PUT', '/share/v1/users/me/private_key', user.token, {
    key: await wrapPrivateKey(pair.privateKey, (k) => subtle.wrapKey('raw', k, kek, 'AES-KW')),
  });
}

// What a staff member does on another device: fetch their own wrapped key, unlock it with their password.
async function unlockOwnKey(user) {
  const stored = await api('GET', '/share/v1/users/me/private_key', user.token);
  const kek = await passwordKey(user);
  return unwrapPrivateKey(stored, (wrapped) => subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', aes, true, ['encrypt', 'decrypt']));
}

async function publicKeyOf(user, reader) {
  const answer = await api('GET', `/share/v1/users/${user.id}/public_key`, reader.token);
  return subtle.importKey('jwk', answer.properties, rsa, false, ['wrapKey']);
}

const { owner, colleague, person } = input;
await enrol(owner);
await enrol(colleague);

// The owner publishes the application and its key pair, and hands the private key to themself and a colleague.
const application = await api('POST', '/share/v1/access_applications', owner.token, {
  name: 'Interop check', scopes: ['profile-oauth/read_profile'], callback_uri: ['https://example.com/callback'], org_id: input.orgId,
});
const appPair = await subtle.generateKey(rsa, true, ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
const publicJwk = await subtle.exportKey('jwk', appPair.publicKey);
const published = await api('POST', `/share/v1/access_applications/${application.a_id}/public_key`, owner.token, { key: publicJwk });
const keyId = published.n_id;
for (const holder of [owner, colleague]) {
  const holderKey = await publicKeyOf(holder, owner);
  const wrapped = await wrapPrivateKey(appPair.privateKey, (k) => subtle.wrapKey('raw', k, holderKey, { name: 'RSA-OAEP' }));
  if (holder === owner) await api('POST', `/share/v1/public_keys/${keyId}/private_key`, owner.token, { key: wrapped });
  else await api('POST', `/share/v1/public_keys/${keyId}/private_keys`, owner.token, { key: wrapped, u_id: holder.id });
}

// The person encrypts the field for the application's default key and shares.
const defaultKey = await api('GET', `/share/v1/access_applications/${application.a_id}/public_key`, person.token);
if (defaultKey.n_id !== keyId) throw new Error(`default key ${defaultKey.n_id} is not the published ${keyId}`);
const appPublic = await subtle.importKey('jwk', defaultKey.properties, rsa, false, ['wrapKey']);
const fieldKey = await subtle.generateKey(aes, true, ['encrypt', 'decrypt']);
const iv = crypto.getRandomValues(new Uint8Array(12));
const ciphertext = await subtle.encrypt({ name: 'AES-GCM', iv }, fieldKey, new TextEncoder().encode(input.plaintext));
const created = await api('POST', '/db/v1/profile_objects', person.token, {
  schema: input.schema,
  properties: { name: 'Interop', [input.field]: { encrypted_data: { algorithm: { name: 'AES-GCM', length: 256 }, data: b64u(ciphertext), iv: b64u(iv) } } },
});
const nId = (Array.isArray(created) ? created[0] : created).n_id;
const instance = await api('POST', `/share/v1/access_applications/${application.a_id}/instances`, person.token, {
  profile_objects: [nId],
  keys: [{ n_id: nId, field_name: input.field, public_key_n_id: keyId, encrypted_key: b64u(await subtle.wrapKey('raw', fieldKey, appPublic, { name: 'RSA-OAEP' })) }],
});

// Each staff member unlocks their key, unwraps the application's private key, then the field key, and decrypts.
async function readAs(staff) {
  const own = await unlockOwnKey(staff);
  const stored = await api('GET', `/share/v1/public_keys/${keyId}/private_key`, staff.token);
  const appPrivate = await unwrapPrivateKey(stored, (wrapped) => subtle.unwrapKey('raw', wrapped, own, { name: 'RSA-OAEP' }, aes, true, ['encrypt', 'decrypt']));
  const shared = await api('GET', `/share/v1/org/instances/${instance.i_id}`, staff.token);
  const object = shared.profile_objects.find((o) => o.n_id === nId);
  const key = shared.keys.find((k) => k.n_id === nId && k.field_name === input.field);
  const fieldKeyAgain = await subtle.unwrapKey('raw', unb64u(key.encrypted_key), appPrivate, { name: 'RSA-OAEP' }, aes, false, ['decrypt']);
  const sealed = object.properties[input.field].encrypted_data;
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: unb64u(sealed.iv) }, fieldKeyAgain, unb64u(sealed.data));
  return new TextDecoder().decode(plain);
}

process.stdout.write(JSON.stringify({ a_id: application.a_id, i_id: instance.i_id, owner: await readAs(owner), colleague: await readAs(colleague) }));
