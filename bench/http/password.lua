-- Password grant with fixed, correct credentials: wrk -s password.lua URL -- USERNAME PASSWORD
-- (The server throttles failed logins only, so every request here should answer 200.)
local dir = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "./"
dofile(dir .. "report.lua")

function setup(thread)
   bench_track(thread)
end

local function json_string(value)
   return '"' .. value:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function init(args)
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.body = '{"grant_type":"password","username":' .. json_string(args[1]) .. ',"password":' .. json_string(args[2]) .. '}'
   req = wrk.format()
end

function request()
   return req
end
