-- Removes a line and answers {'DONE', field, value, ...} with the whole cart, or {'NO_LINE'}.
-- KEYS[1] cart; ARGV: 1 sku, 2 ttl in ms.
if redis.call('HDEL', KEYS[1], 'q:' .. ARGV[1], 'p:' .. ARGV[1], 'o:' .. ARGV[1]) == 0 then
  return {'NO_LINE'}
end
redis.call('HINCRBY', KEYS[1], 'lines', -1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local cart = redis.call('HGETALL', KEYS[1])
table.insert(cart, 1, 'DONE')
return cart
