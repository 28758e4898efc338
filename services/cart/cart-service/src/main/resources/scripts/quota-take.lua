-- One use of a client's quota. KEYS[1]: the client's counter; ARGV[1]: the limit; ARGV[2]: the
-- window in milliseconds, which starts at the first use. Answers 0 when the use was counted, or the
-- milliseconds until the window ends when the limit is reached (nothing counted then).
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then
    local left = redis.call('PTTL', KEYS[1])
    if left < 1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        left = tonumber(ARGV[2])
    end
    return left
end
if redis.call('INCR', KEYS[1]) == 1 then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
