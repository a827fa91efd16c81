-- Pages through a paged listing: request i asks for page (i mod pages) + 1 of the
-- given path. Arguments (after --): the number of pages, the path with its query,
-- e.g. "/moderation?status=pending", and optionally a pause in ms between one
-- connection's requests. Each thread starts on a different page.

local threads = {}
id = 0 -- set per thread by setup()
local pages = 1
local path = "/"
local n = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  pages = tonumber(args[1]) or 1
  path = args[2] or "/"
  if args[3] then -- a pause between one connection's requests, in ms (bench/mixed.sh)
    local pause = tonumber(args[3])
    delay = function() return pause end
  end
  n = (id * 7) % pages
end

request = function()
  n = (n % pages) + 1
  return wrk.format("GET", path .. "&page=" .. n)
end
