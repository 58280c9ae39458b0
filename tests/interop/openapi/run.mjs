// Runs one step of client.mjs against a server; the test reads the emailed code in between.
// args: signup | finish; stdin: {"base_url", "email", "password", "code"?, "new_password"?};
// stdout: what the step learned, as JSON.
import { connect, signUp, verifyLogInAndChangePassword } from './client.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const document = await (await fetch(new URL('/openapi/v1.json', input.base_url))).json();
const client = connect(input.base_url, document);
const step = process.argv[2];
const result = step === 'signup'
  ? await signUp(client, input.email, input.password)
  : await verifyLogInAndChangePassword(client, input.email, input.password, input.code, input.new_password);
process.stdout.write(JSON.stringify(result));
