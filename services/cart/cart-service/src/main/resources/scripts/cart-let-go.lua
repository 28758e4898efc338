-- Takes an order's lines out of a cart, once per order id.
-- KEYS[1] cart, KEYS[2] the set of order ids already applied (same hash slot as the cart);
-- ARGV: 1 order id, 2 how long to remember order ids in ms, then pairs of sku and quantity.
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then
  return 'REPEAT'
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
for i = 3, #ARGV, 2 do
  local sku = ARGV[i]
  local held = tonumber(redis.call('HGET', KEYS[1], 'q:' .. sku) or '0')
  if held > 0 then
    local left = held - tonumber(ARGV[i + 1])
    if left > 0 then
      redis.call('HSET', KEYS[1], 'q:' .. sku, left)
    else
      redis.call('HDEL', KEYS[1], 'q:' .. sku, 'p:' .. sku, 'o:' .. sku)
      redis.call('HINCRBY', KEYS[1], 'lines', -1)
    end
  end
end
return 'DONE'
