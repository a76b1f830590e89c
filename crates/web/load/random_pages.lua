-- a different ledger page on every request (half of them filtered): misses the response cache
local sorts = {"date", "killed", "grade", "place", "stories", "type"}
request = function()
  local path = "/?offset=" .. math.random(0, 99900) .. "&sort=" .. sorts[math.random(1, #sorts)]
  if math.random() < 0.5 then path = path .. "&grade=corroborated&from=2025-10-01&to=2026-06-30" end
  return wrk.format(nil, path)
end
