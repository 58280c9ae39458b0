-- Refresh grant with rotating single-use tokens: wrk -s refresh.lua URL -- TOKEN_FILE THREADS
--
-- TOKEN_FILE holds one refresh token per line (each from its own password login, so each is the
-- head of its own family). Thread k takes lines k, k+THREADS, ... into its pool. request() takes
-- a token out of the pool; response() parses the rotated refresh_token from a 200 body and puts
-- it back. wrk calls response() for a connection before that connection's next request(), so a
-- pool of at least as many tokens as the thread has connections never runs dry, no token is ever
-- sent twice (a reuse would revoke the family), and every connection keeps its own chain.
-- A non-200 answer loses that chain ("lost"); if the pool is ever empty the request falls back to
-- GET /healthz and is counted as "fallback" (run.sh reports both; both should be 0).
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "report.lua")

local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   bench_track(thread)
end

local pool = {}

function init(args)
   local file, threads = args[1], tonumber(args[2] or "1")
   local index = 0
   for line in io.lines(file) do
      if line ~= "" then
         if index % threads == id then
            table.insert(pool, line)
         end
         index = index + 1
      end
   end
   fallback = 0
   lost = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   health = wrk.format("GET", "/healthz", {})
end

function request()
   local token = table.remove(pool)
   if token == nil then
      fallback = (fallback or 0) + 1
      return health or wrk.format("GET", "/healthz", {})
   end
   return wrk.format(nil, nil, nil, '{"grant_type":"refresh_token","refresh_token":"' .. token .. '"}')
end

function response(status, headers, body)
   if body:find('"status"', 1, true) and not body:find('"refresh_token"', 1, true) then
      return -- a fallback /healthz answer
   end
   if status == 200 then
      local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
      if token then
         table.insert(pool, token)
         return
      end
   end
   lost = lost + 1
end
