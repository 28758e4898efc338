-- Marks a SKU's price entry as not for sale as of a version, keeping what else it says, unless a
-- newer version is stored. Entries are '<version>\t<purchasable 1|0>[\t<rest>]'.
-- KEYS[1] price key; ARGV[1] version.
local current = redis.call('GET', KEYS[1])
if not current then
  redis.call('SET', KEYS[1], ARGV[1] .. '\t0')
  return 1
end
local version, rest = string.match(current, '^(%d+)\t[01](.*)$')
if tonumber(version) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1] .. '\t0' .. rest)
return 1
