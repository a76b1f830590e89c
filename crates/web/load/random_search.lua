-- a search for two words on every request, drawn from words of the synthetic corpus's
-- reporting: most pairs are new to the server, so they miss the search cache
local words = {"strike", "boat", "vessel", "killed", "survivors", "coast", "guard", "navy",
  "caribbean", "pacific", "lancha", "ataque", "muertos", "militares", "southern", "command",
  "hegseth", "venezuela", "colombia", "drug", "cartel", "people", "officials", "said",
  "tuesday", "monday", "narcotics", "operation", "military", "personas", "embarcacion",
  "comando", "sur", "mar", "caribe", "pacifico", "oriental", "three", "four", "six"}
request = function()
  local a = words[math.random(1, #words)]
  local b = words[math.random(1, #words)]
  return wrk.format(nil, "/api/search?q=" .. a .. "%20" .. b .. "&offset=" .. math.random(0, 3) * 10)
end
