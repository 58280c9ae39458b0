-- GET /l/{id} of a short link chosen at random from a file of ids: wrk -s links.lua URL -- FILE
-- wrk counts only statuses above 399 as errors, so the 302 answers are successes and a 404
-- (unknown or expired link) shows as non-2xx in the result line.
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "../http/report.lua")

local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   bench_track(thread)
end

function init(args)
   math.randomseed(2000 + id)
   ids = bench_lines(args[1])
end

function request()
   return wrk.format("GET", "/l/" .. ids[math.random(#ids)])
end
