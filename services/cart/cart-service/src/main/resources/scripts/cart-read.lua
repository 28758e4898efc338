-- Reads a cart and starts its time to live again. KEYS[1] cart; ARGV[1] ttl in ms.
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return redis.call('HGETALL', KEYS[1])
