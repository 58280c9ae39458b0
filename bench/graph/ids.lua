-- GET a profile object chosen at random from a file of n_ids, with a bearer token:
--   wrk -s ids.lua URL -- TOKEN FILE [MEAN_DELAY_MS]
-- With MEAN_DELAY_MS each connection waits an exponentially distributed time of that mean after
-- each answer before its next request: the connections together then send a Poisson-like stream
-- at a rate set by the number of connections and the delay (paced load, see run.sh).
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "../http/report.lua")

local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   bench_track(thread)
end

function init(args)
   math.randomseed(1000 + id)
   headers = { ["Authorization"] = "Bearer " .. args[1] }
   ids = bench_lines(args[2])
   local mean = tonumber(args[3] or "")
   if mean and mean > 0 then
      function delay()
         return -mean * math.log(1 - math.random())
      end
   end
end

function request()
   return wrk.format("GET", "/db/v1/profile_objects/" .. ids[math.random(#ids)], headers)
end
