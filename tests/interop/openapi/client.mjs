// @ts-check
// A client of the Raytio API written only against the types openapi-typescript generated from
// the served document (module 'raytio-api', see generate-and-check.mjs), through openapi-fetch.
import createClient from 'openapi-fetch';
import { conformsTo } from './conformance.mjs';

/** @typedef {import('openapi-fetch').Client<import('raytio-api').paths>} RaytioClient */

/**
 * @param {string} baseUrl
 * @param {import('./conformance.mjs').OpenApiDocument} document every answer is checked against it
 * @returns {RaytioClient}
 */
export function connect(baseUrl, document) {
  /** @type {RaytioClient} */
  const client = createClient({ baseUrl });
  client.use(conformsTo(document));
  return client;
}

/**
 * Operation 2: signup; the verification code goes to the mailbox.
 * @param {RaytioClient} client
 * @param {string} email
 * @param {string} password
 */
export async function signUp(client, email, password) {
  const { message } = await expectData(client.POST('/oauth/{version}/signup', {
    params: { path: { version: 'v1' } },
    body: { username: email, password },
  }));
  return { message };
}

/**
 * Operations 3, 1, 65, 66 and 6: verify, password grant, read and replace preferences, change
 * the password; then the old password is refused and the new one accepted.
 * @param {RaytioClient} client
 * @param {string} email
 * @param {string} password
 * @param {string} code
 * @param {string} newPassword
 */
export async function verifyLogInAndChangePassword(client, email, password, code, newPassword) {
  const path = { version: /** @type {const} */ ('v1') };
  const verified = await expectData(client.POST('/oauth/{version}/verify', { params: { path }, body: { username: email, verification_code: code } }));
  const tokens = await expectData(client.POST('/oauth/{version}/token', { params: { path }, body: { grant_type: 'password', username: email, password } }));
  const headers = { Authorization: `${tokens.token_type} ${tokens.identity_token}` };

  const preferencesBefore = await expectData(client.GET('/db/{version}/preferences', { params: { path }, headers }));
  await expectData(client.PUT('/db/{version}/preferences', { params: { path }, headers, body: { theme: 'dark', language: 'en' } }));
  const preferencesAfter = await expectData(client.GET('/db/{version}/preferences', { params: { path }, headers }));

  const changed = await expectData(client.POST('/oauth/{version}/password-change', {
    params: { path },
    headers,
    body: { access_token: tokens.access_token, password_existing: password, password_new: newPassword },
  }));
  const oldPassword = await client.POST('/oauth/{version}/token', { params: { path }, body: { grant_type: 'password', username: email, password } });
  const newLogin = await expectData(client.POST('/oauth/{version}/token', { params: { path }, body: { grant_type: 'password', username: email, password: newPassword } }));

  return {
    verified: verified.message,
    expires_in: tokens.expires_in,
    preferences_before: preferencesBefore,
    preferences_after: preferencesAfter,
    changed: changed.message,
    old_password: { status: oldPassword.response.status, code: oldPassword.error?.code },
    new_login: newLogin.message,
  };
}

/**
 * The body of a successful answer; anything else fails with the error body.
 * @template T
 * @param {Promise<{ data?: T, error?: unknown, response: Response }>} call
 * @returns {Promise<T>}
 */
async function expectData(call) {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new Error(`${response.url} answered ${response.status}: ${JSON.stringify(error)}`);
  }
  return data;
}
