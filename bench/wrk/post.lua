-- Posts a new, unique comment on every request, form-encoded like the browser form,
-- with an Origin header that matches the request's own origin (the cross-site check
-- lets it through). Arguments (after --): origin, a nonce unique to this run, and
-- optionally a pause in ms between one connection's posts.
-- Used by run.sh to measure posting with the limits off and moderation mode none.

local threads = {}
local counter = 0
id = 0 -- set per thread by setup()
local nonce = "x"
local origin = ""

local words = { "NATO", "alliance", "talks", "Moscow", "Brussels", "sanctions", "border", "troops", "winter",
  "Europe", "diplomacy", "security", "guarantees", "Kyiv", "gas", "pipeline", "deterrence", "history",
  "negotiators", "Baltic", "readers", "report", "careful", "serious", "risk", "peace", "war", "future",
  "should", "cannot", "will", "never", "always", "perhaps", "clearly", "again", "today", "tomorrow" }

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  origin = args[1] or ""
  nonce = (args[2] or "run") .. "-" .. uptime()
  if args[3] then -- a pause between one connection's requests, in ms (bench/mixed.sh)
    local pause = tonumber(args[3])
    delay = function() return pause end
  end
  math.randomseed(os.time() + id * 7919)
end

-- Hundredths of a second since boot: tells apart two runs started in the same second.
function uptime()
  local f = io.open("/proc/uptime", "r")
  if not f then return tostring(os.time()) end
  local up = f:read("*n")
  f:close()
  return string.format("%d", up * 100)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function text()
  local parts = {}
  local target = 100 + math.random(0, 400)
  local length = 0
  while length < target do
    local word = words[math.random(#words)]
    table.insert(parts, word)
    length = length + #word + 1
  end
  return table.concat(parts, " ") .. "."
end

request = function()
  counter = counter + 1
  local who = (counter % 500)
  local body = "comment=" .. urlencode(text() .. " (" .. nonce .. "-" .. id .. "-" .. counter .. ")")
    .. "&author=" .. urlencode("Bench Reader " .. id .. "-" .. who)
    .. "&email=" .. urlencode("reader" .. id .. "-" .. who .. "@example.com")
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
  }
  for name, value in pairs(wrk.headers) do -- what -H adds (Accept-Encoding)
    if headers[name] == nil then headers[name] = value end
  end
  return wrk.format("POST", nil, headers, body)
end
