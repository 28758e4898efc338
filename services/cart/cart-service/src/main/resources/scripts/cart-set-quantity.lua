-- Sets the quantity of an existing line and answers {'DONE', field, value, ...} with the whole
-- cart, or {'NO_LINE'}. KEYS[1] cart; ARGV: 1 sku, 2 quantity, 3 ttl in ms.
if redis.call('HEXISTS', KEYS[1], 'q:' .. ARGV[1]) == 0 then
  return {'NO_LINE'}
end
redis.call('HSET', KEYS[1], 'q:' .. ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local cart = redis.call('HGETALL', KEYS[1])
table.insert(cart, 1, 'DONE')
return cart
