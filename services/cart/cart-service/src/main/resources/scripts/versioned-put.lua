-- Writes fields into a hash unless it already holds this or a newer version.
-- KEYS[1] hash; ARGV: 1 version, then pairs of field and value.
local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
if stored >= tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], 'version', ARGV[1], unpack(ARGV, 2))
return 1
