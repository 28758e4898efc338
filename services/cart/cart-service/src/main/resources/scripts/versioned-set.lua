-- Sets a value of the form '<version>\t<rest>' unless the key holds this or a newer version.
-- KEYS[1] key; ARGV: 1 version, 2 the whole new value.
local current = redis.call('GET', KEYS[1])
if current and tonumber(string.match(current, '^(%d+)')) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2])
return 1
