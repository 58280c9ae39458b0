// Grant with cascade and its revoke, one after the other on one keep-alive connection:
//   node grant.mjs BASE_URL TOKEN N_ID U_ID WARMUP_PAIRS MEASURED_PAIRS
// Each pair is POST /db/v1/profile_objects/{n_id}/permissions {"u_id", "permission": "VIEWS",
// "cascade": true} and DELETE /db/v1/permissions/{p_id} of the grant just made, so every grant
// starts from the same graph. Prints one RESULT line per operation (latency of each request,
// wall time from sending to the end of the answer) and fails on any answer but 200.
import http from "node:http";

const [base, token, nId, uId, warmupText, pairsText] = process.argv.slice(2);
const warmup = Number(warmupText);
const pairs = Number(pairsText);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const url = new URL(base);

function send(method, path, body) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode !== 200) {
            reject(new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`));
          } else {
            resolve({ ms, text });
          }
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

// The p_id of the direct grant: the answer is the grant (or holds it first).
function grantId(text) {
  const answer = JSON.parse(text);
  const grant = answer.p_id ? answer : (answer.relationships ?? answer.permissions ?? [answer])[0];
  if (!grant?.p_id) throw new Error(`no p_id in the grant's answer: ${text.slice(0, 300)}`);
  return grant.p_id;
}

const body = JSON.stringify({ u_id: uId, permission: "VIEWS", cascade: true });
const times = { grant: [], revoke: [] };
const started = process.hrtime.bigint();
for (let i = 0; i < warmup + pairs; i++) {
  const granted = await send("POST", `/db/v1/profile_objects/${nId}/permissions`, body);
  const revoked = await send("DELETE", `/db/v1/permissions/${grantId(granted.text)}`);
  if (i >= warmup) {
    times.grant.push(granted.ms);
    times.revoke.push(revoked.ms);
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  const mean = list.reduce((a, b) => a + b, 0) / list.length;
  console.log(
    `RESULT op=${name} requests=${list.length} rps=${(1000 / mean).toFixed(1)} mean_ms=${mean.toFixed(2)} ` +
      `p50_ms=${percentile(sorted, 50).toFixed(2)} p95_ms=${percentile(sorted, 95).toFixed(2)} p99_ms=${percentile(sorted, 99).toFixed(2)} max_ms=${sorted[sorted.length - 1].toFixed(2)}`,
  );
}
console.log(`PAIRS pairs=${pairs + warmup} seconds=${seconds.toFixed(2)}`);
agent.destroy();
