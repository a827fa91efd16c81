-- Readers of a news site: each request asks for one of the given paths, chosen at random
-- (the first one, the front page, as often as all the others together). With "revisit"
-- as the first argument every connection is one reader coming back: it sends the ETag it
-- got for that path last time (If-None-Match), as a browser does, and done() prints how
-- many answers were 304. Arguments (after --): "first" or "revisit", then the paths.

local threads = {}
id = 0 -- set per thread by setup()
local revisit = false
local paths = {}
local etags = {}
local last = nil
answers = 0
notModified = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  revisit = args[1] == "revisit"
  for i = 2, #args do table.insert(paths, args[i]) end
  math.randomseed(os.time() + id * 7919)
end

local function choose()
  if #paths == 1 or math.random() < 0.5 then return paths[1] end
  return paths[math.random(2, #paths)]
end

request = function()
  last = choose()
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  if revisit and etags[last] then headers["If-None-Match"] = etags[last] end
  return wrk.format("GET", last, headers)
end

response = function(status, headers, body)
  answers = answers + 1
  if status == 304 then notModified = notModified + 1 end
  local etag = headers["ETag"] or headers["etag"]
  if revisit and etag and last then etags[last] = etag end
end

function done(summary, latency, requests)
  local a, n = 0, 0
  for _, thread in ipairs(threads) do
    a = a + (thread:get("answers") or 0)
    n = n + (thread:get("notModified") or 0)
  end
  io.write(string.format("Answers: %d, 304: %d\n", a, n))
end
