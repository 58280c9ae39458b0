-- Operation 105 load: wrk -s verify105-post.lua URL -- TOKEN BODY_FILE
-- post.lua's request, plus a count of answers that are not 200 or that contain "verified":false
-- (printed as a CHECK line).
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "post.lua")

local post_init = init
function init(args)
   post_init(args)
   unverified = 0
end

function response(status, headers, body)
   if status ~= 200 or string.find(body, '"verified":false', 1, true) then
      unverified = unverified + 1
   end
end

local report_done = done
local check_threads = {}
local track = bench_track
function bench_track(thread)
   table.insert(check_threads, thread)
   track(thread)
end

function done(summary, latency, requests)
   report_done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(check_threads) do
      bad = bad + (tonumber(thread:get("unverified")) or 0)
   end
   io.write(string.format("CHECK unverified=%d\n", bad))
end
