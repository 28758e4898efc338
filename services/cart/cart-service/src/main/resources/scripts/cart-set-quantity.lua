-- Sets the quantity of an existing line. KEYS[1] cart; ARGV: 1 sku, 2 quantity, 3 ttl in ms.
if redis.call('HEXISTS', KEYS[1], 'q:' .. ARGV[1]) == 0 then
  return 'NO_LINE'
end
redis.call('HSET', KEYS[1], 'q:' .. ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 'DONE'
