-- Starts an empty cart. KEYS[1] cart; ARGV[1] ttl in ms.
redis.call('HSET', KEYS[1], 'lines', 0, 'seq', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 'DONE'
