-- a different page of incidents on every request: offsets, sorts and filters that miss the cache
local sorts = {"date", "killed", "grade", "place", "stories", "type"}
request = function()
  local path = "/api/incidents?offset=" .. math.random(0, 99900) .. "&sort=" .. sorts[math.random(1, #sorts)]
  return wrk.format(nil, path)
end
