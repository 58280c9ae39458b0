-- POST the same JSON body on every request with a bearer token: wrk -s post.lua URL -- TOKEN BODY_FILE
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "report.lua")

function setup(thread)
   bench_track(thread)
end

function init(args)
   local file = assert(io.open(args[2], "rb"))
   local body = file:read("*a")
   file:close()
   wrk.method = "POST"
   wrk.headers["Authorization"] = "Bearer " .. args[1]
   wrk.headers["Content-Type"] = "application/json"
   wrk.body = body
   req = wrk.format()
end

function request()
   return req
end
