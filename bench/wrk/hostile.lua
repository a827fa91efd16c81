-- The requests of hostile-load.sh: what costs an attacker nothing, randomised on every
-- request (math.random, seeded per thread). One kind per run:
--   unknown-slugs   unknown articles (and their feeds) with every method
--   conditional     unknown articles with conditional headers (GET with If-None-Match: *
--                   stands in for HEAD, on which wrk stalls)
--   query-strings   random query strings on the front page and on the real article
--   desk-pages      anonymous sign-in and desk pages
--   posts           comment posts to unknown articles and to every spelling of the real
--                   article's comment path
--   sign-ins        sign-ins with random and near-miss usernames, without a CSRF token
--   sign-ins-token  the same with one real sign-in form's token and cookie, so that the
--                   password checks run
-- Every request carries a random X-Forwarded-For (ignored unless the proxy is trusted).
-- Run with one connection per thread (-t N -c N), so that each response belongs to the
-- request before it: done() writes "variant<TAB>status<TAB>count" lines to a file.
-- Arguments (after --): kind, output file, article slug, origin, CSRF token, Cookie header.

local threads = {}
id = 0 -- set per thread by setup()
tally = {} -- global: done() reads it from each thread
outfile = ""
local kind = "unknown-slugs"
local slug = ""
local origin = ""
local csrf = ""
local cookie = ""
local current = nil

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

-- Hundredths of a second since boot: two runs started in the same second differ.
local function uptime()
  local f = io.open("/proc/uptime", "r")
  if not f then return os.time() end
  local up = f:read("*n")
  f:close()
  return math.floor(up * 100)
end

function init(args)
  kind = args[1] or kind
  outfile = args[2] or "/dev/null"
  slug = args[3] or ""
  origin = args[4] or ""
  csrf = args[5] or ""
  cookie = args[6] or ""
  math.randomseed(uptime() + id * 7919)
end

local LOWER = "abcdefghijklmnopqrstuvwxyz"
local SLUG = LOWER .. "0123456789-"
local ANY = LOWER .. "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%+=&!$'()*,;:@/?"

local function random_string(alphabet, min, max)
  local n = math.random(min, max)
  local t = {}
  for i = 1, n do
    local k = math.random(#alphabet)
    t[i] = alphabet:sub(k, k)
  end
  return table.concat(t)
end

local function pick(list)
  return list[math.random(#list)]
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- An address from the benchmarking ranges, IPv4 (198.18.0.0/15) or IPv6 (2001:db8::/32).
local function address()
  if math.random(4) == 1 then
    return string.format("2001:db8:%x:%x::%x", math.random(0, 65535), math.random(0, 65535), math.random(1, 65535))
  end
  return string.format("198.%d.%d.%d", math.random(18, 19), math.random(0, 255), math.random(1, 254))
end

local DAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }
local MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }

local function http_date()
  return string.format("%s, %02d %s %d %02d:%02d:%02d GMT", pick(DAYS), math.random(1, 28), pick(MONTHS),
    math.random(1990, 2030), math.random(0, 23), math.random(0, 59), math.random(0, 59))
end

local function entity_tag()
  local tag = "\"" .. random_string(SLUG, 1, 40) .. "\""
  if math.random(2) == 1 then return "W/" .. tag end
  return tag
end

local function headers(extra)
  local h = { ["X-Forwarded-For"] = address() }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

local function unknown_slug()
  return random_string(SLUG, 20, 180)
end

local WORDS = { "NATO", "talks", "Moscow", "sanctions", "border", "winter", "Europe", "diplomacy", "security",
  "gas", "pipeline", "history", "Baltic", "readers", "report", "careful", "risk", "peace", "future", "should",
  "cannot", "will", "never", "perhaps", "clearly", "again", "today", "great", "article", "thanks" }

local function words(min, max)
  local t = {}
  for i = 1, math.random(min, max) do t[i] = pick(WORDS) end
  return table.concat(t, " ")
end

local function comment_body()
  local name = words(1, 2)
  return "comment=" .. urlencode(words(5, 40) .. ".")
    .. "&author=" .. urlencode(name)
    .. "&email=" .. urlencode(random_string(LOWER, 3, 12) .. "@example.org")
    .. (math.random(3) == 1 and ("&website=" .. urlencode("https://" .. random_string(LOWER, 3, 12) .. ".example")) or "")
end

-- Each kind is a list of variants: { name, function returning method, path, headers and
-- body }.
local unknown_slugs = {
  { "GET", function()
    return "GET", "/articles/" .. unknown_slug(), headers()
  end },
  { "POST", function()
    return "POST", "/articles/" .. unknown_slug(), headers({ ["Content-Type"] = "application/x-www-form-urlencoded" }),
      comment_body()
  end },
  { "PUT", function()
    return "PUT", "/articles/" .. unknown_slug(), headers({ ["If-Match"] = "*" })
  end },
  { "PATCH", function()
    return "PATCH", "/articles/" .. unknown_slug(), headers()
  end },
  { "DELETE", function()
    return "DELETE", "/articles/" .. unknown_slug(), headers()
  end },
  { "OPTIONS", function()
    return "OPTIONS", "/articles/" .. unknown_slug(), headers()
  end },
  { "GET feed", function()
    return "GET", "/articles/" .. unknown_slug() .. "/comments/feed", headers()
  end },
}

local conditional = {
  { "If-None-Match: * (for HEAD)", function()
    return "GET", "/articles/" .. unknown_slug(), headers({ ["If-None-Match"] = "*" })
  end },
  { "If-None-Match: random tag", function()
    return "GET", "/articles/" .. unknown_slug(), headers({ ["If-None-Match"] = entity_tag() })
  end },
  { "If-Modified-Since", function()
    return "GET", "/articles/" .. unknown_slug(), headers({ ["If-Modified-Since"] = http_date() })
  end },
  { "feed If-None-Match: *", function()
    return "GET", "/articles/" .. unknown_slug() .. "/comments/feed", headers({ ["If-None-Match"] = "*" })
  end },
}

local function random_query()
  local t = {}
  for i = 1, math.random(1, 4) do
    t[i] = urlencode(random_string(ANY, 1, 20)) .. "=" .. urlencode(random_string(ANY, 0, 60))
  end
  return table.concat(t, "&")
end

local query_strings = {
  { "front page ?random", function()
    return "GET", "/?" .. random_query(), headers()
  end },
  { "article ?random", function()
    return "GET", "/articles/" .. slug .. "?" .. random_query(), headers()
  end },
  { "article ?page=random", function()
    return "GET", "/articles/" .. slug .. "?page=" .. urlencode(random_string(ANY, 1, 12)), headers()
  end },
  { "article ?page=number", function()
    return "GET", "/articles/" .. slug .. "?page=" .. math.random(0, 100000), headers()
  end },
  { "article ?replyto=random", function()
    return "GET", "/articles/" .. slug .. "?replyto=" .. urlencode(random_string(ANY, 1, 20)), headers()
  end },
  { "article ?held=random", function()
    return "GET", "/articles/" .. slug .. "?held=" .. urlencode(random_string(ANY, 1, 60)), headers()
  end },
}

local desk_pages = {
  { "GET /login", function()
    return "GET", "/login", headers()
  end },
  { "GET /login?random", function()
    return "GET", "/login?" .. random_query(), headers()
  end },
  { "GET /moderation", function()
    return "GET", "/moderation", headers()
  end },
  { "GET /moderation?status=random", function()
    return "GET", "/moderation?status=" .. urlencode(random_string(ANY, 1, 20)), headers()
  end },
  { "GET /moderation/random", function()
    return "GET", "/moderation/" .. random_string(SLUG, 1, 60) .. "/" .. random_string(SLUG, 0, 30), headers()
  end },
}

local function post(path)
  local h = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  if math.random(2) == 1 then h["Origin"] = origin end
  return "POST", path, headers(h), comment_body()
end

local posts = {
  { "unknown article /comments", function()
    return post("/articles/" .. unknown_slug() .. "/comments")
  end },
  { "/comments", function()
    return post("/articles/" .. slug .. "/comments")
  end },
  { "/%63omments", function()
    return post("/articles/" .. slug .. "/%63omments")
  end },
  { "/%43omments", function()
    return post("/articles/" .. slug .. "/%43omments")
  end },
  { "/comments/", function()
    return post("/articles/" .. slug .. "/comments/")
  end },
  { "/comments;x=y", function()
    return post("/articles/" .. slug .. "/comments;" .. random_string(LOWER, 1, 8) .. "=" .. random_string(LOWER, 0, 8))
  end },
  { "/Comments", function()
    return post("/articles/" .. slug .. "/Comments")
  end },
  { "slug percent-encoded", function()
    return post("/articles/" .. string.format("%%%02X", slug:byte(1)) .. slug:sub(2) .. "/comments")
  end },
}

-- Near misses of the editor's username: control characters, case, look-alike letters, spaces.
local function near_miss()
  local r = math.random(7)
  if r == 1 then
    return string.char(pick({ 0, 1, 8, 9, 10, 11, 12, 13, 27, 31, 127 })) .. "editor"
  elseif r == 2 then
    return "editor" .. string.char(pick({ 0, 1, 8, 9, 10, 11, 12, 13, 27, 31, 127 }))
  elseif r == 3 then
    return (("editor"):gsub("%a", function(c) if math.random(2) == 1 then return c:upper() end return c end))
  elseif r == 4 then
    return pick({ "ed\196\177tor", "ED\196\176TOR", "Ed\196\177tor", "\239\189\133ditor" }) -- edıtor EDİTOR Edıtor ｅditor
  elseif r == 5 then
    return string.rep(" ", math.random(1, 3)) .. "editor" .. string.rep(" ", math.random(0, 3))
  elseif r == 6 then
    return "\194\160editor\194\160" -- no-break spaces
  end
  return "editor"
end

local function sign_in(username, with_token)
  local h = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  local body = "username=" .. urlencode(username) .. "&password=" .. urlencode(random_string(ANY, 8, 24))
  if with_token then
    h["Cookie"] = cookie
    body = body .. "&_csrf=" .. urlencode(csrf)
  end
  return "POST", "/login", headers(h), body
end

local function sign_ins(with_token)
  return {
    { "random username", function() return sign_in(random_string(LOWER, 3, 20), with_token) end },
    { "near-miss username", function() return sign_in(near_miss(), with_token) end },
  }
end

local kinds = {
  ["unknown-slugs"] = unknown_slugs,
  ["conditional"] = conditional,
  ["query-strings"] = query_strings,
  ["desk-pages"] = desk_pages,
  ["posts"] = posts,
  ["sign-ins"] = sign_ins(false),
  ["sign-ins-token"] = sign_ins(true),
}

request = function()
  local variants = kinds[kind]
  local v = variants[math.random(#variants)]
  current = v[1]
  local method, path, h, body = v[2]()
  return wrk.format(method, path, h, body)
end

response = function(status, headers, body)
  if current == nil then return end
  local key = current .. "\t" .. status
  tally[key] = (tally[key] or 0) + 1
end

done = function(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get("tally")) do
      all[key] = (all[key] or 0) + value
    end
  end
  local file = io.open(threads[1]:get("outfile"), "w")
  for key, value in pairs(all) do
    file:write(key .. "\t" .. value .. "\n")
  end
  file:close()
end
