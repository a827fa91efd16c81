-- The abuse load of load-test.sh: many simulated clients post comments as fast as they
-- can, each with its own address in X-Forwarded-For (believed because the application
-- trusts 127.0.0.1 as a proxy). Run with one connection per thread (-t N -c N) so each
-- response belongs to the client of the request before it. Counts every answer per
-- client and whether each 429 carried Retry-After.
-- With mode "signin" the clients guess the editor's password instead (one signed-out
-- session's cookie and CSRF token shared by all, so each guess reaches the password check).
-- Arguments (after --): clients, origin, nonce, file for the per-client lines, threads,
-- mode ("comment" or "signin"), CSRF token and Cookie header (sign-in only).

local threads = {}
id = 0 -- set per thread by setup()
local nthreads = 1
clients = 100 -- global: done() reads it from a thread
phase = "run" -- the load test's phase (A, B or C), which chooses the clients' addresses
local origin = ""
local nonce = "x"
local counter = 0
local current = nil
local cursor = 0
counts = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads - 1)
end

function init(args)
  clients = tonumber(args[1]) or 100
  origin = args[2] or ""
  phase = args[3] or "run"
  nonce = phase .. "-" .. uptime()
  -- the number of threads is not known here: the shell passes it
  nthreads = tonumber(args[5]) or 1
  outfile = args[4]
  mode = args[6] or "comment"
  csrf = args[7] or ""
  cookie = args[8] or ""
  cursor = 0
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

-- the clients of this thread: id, id + nthreads, id + 2 * nthreads, ...
local function next_client()
  local mine = math.floor((clients - 1 - id) / nthreads) + 1
  local c = id + (cursor % mine) * nthreads
  cursor = cursor + 1
  return c
end

-- Phase B's clients come from other addresses than phase A's: the posting allowances a
-- client spent are kept in the database, and the phases run one after another on it.
local function address(c)
  local network = (phase == "B") and "198.19." or "198.18."
  return network .. math.floor(c / 250) .. "." .. (c % 250 + 1)
end

request = function()
  counter = counter + 1
  current = next_client()
  if mode == "signin" then
    return wrk.format("POST", nil, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = cookie,
      ["X-Forwarded-For"] = address(current),
    }, "username=editor&password=" .. urlencode("guess-" .. nonce .. "-" .. counter) .. "&_csrf=" .. urlencode(csrf))
  end
  local body = "comment=" .. urlencode("Buy cheap watches now, best prices, visit our shop today! Offer number "
      .. nonce .. "-" .. current .. "-" .. counter .. ". Limited time only, everyone welcome.")
    .. "&author=" .. urlencode("Client " .. current)
    .. "&email=" .. urlencode("client" .. current .. "@example.net")
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["X-Forwarded-For"] = address(current),
  }
  return wrk.format("POST", nil, headers, body)
end

response = function(status, headers, body)
  local c = current
  if c == nil then return end
  local key = c .. " " .. status
  counts[key] = (counts[key] or 0) + 1
  if status == 429 and (headers["Retry-After"] or headers["retry-after"]) then
    counts[c .. " ra"] = (counts[c .. " ra"] or 0) + 1
  end
end

-- One line per client: its address, then status=count for every status it got, and
-- ra=count for the 429s that carried Retry-After.
done = function(summary, latency, requests)
  local perClient = {}
  for _, thread in ipairs(threads) do
    local t = thread:get("counts")
    for key, value in pairs(t) do
      local c, what = key:match("^(%d+) (%w+)$")
      c = tonumber(c)
      perClient[c] = perClient[c] or {}
      perClient[c][what] = (perClient[c][what] or 0) + value
    end
  end
  local file = io.open(threads[1]:get("outfile"), "w")
  clients = threads[1]:get("clients")
  for c = 0, clients - 1 do
    local line = address(c)
    for what, value in pairs(perClient[c] or {}) do
      line = line .. " " .. what .. "=" .. value
    end
    file:write(line .. "\n")
  end
  file:close()
end
