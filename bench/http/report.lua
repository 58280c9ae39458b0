-- Shared by the benchmark scripts: one machine-readable summary line per run, read by run.sh.
-- Thread-local counters (fallback, lost) are summed from every thread when present.

local bench_threads = {}

function bench_track(thread)
   table.insert(bench_threads, thread)
end

-- The non-empty lines of a file (ids, tokens), in order.
function bench_lines(path)
   local lines = {}
   for line in io.lines(path) do
      if line ~= "" then
         table.insert(lines, line)
      end
   end
   return lines
end

local function sum_thread(name)
   local total = 0
   for _, thread in ipairs(bench_threads) do
      total = total + (tonumber(thread:get(name)) or 0)
   end
   return total
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local errors = summary.errors
   io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d fallback=%d lost=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
      errors.status, errors.connect, errors.read, errors.write, errors.timeout,
      sum_thread("fallback"), sum_thread("lost")))
end
