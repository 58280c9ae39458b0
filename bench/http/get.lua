-- GET with an optional bearer token: wrk -s get.lua URL -- [TOKEN]
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "report.lua")

function setup(thread)
   bench_track(thread)
end

function init(args)
   if args[1] and args[1] ~= "" then
      wrk.headers["Authorization"] = "Bearer " .. args[1]
   end
   req = wrk.format("GET")
end

function request()
   return req
end
