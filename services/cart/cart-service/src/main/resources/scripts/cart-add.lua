-- Adds units of a SKU to a cart, or starts its line at the given price, within the limits.
-- Answers {'DONE', field, value, ...} with the whole cart, or {reason} when refused.
-- KEYS[1] cart; ARGV: 1 sku, 2 quantity, 3 unit price, 4 currency, 5 max lines,
-- 6 max quantity per line, 7 ttl in ms, 8 '1' when the cart must exist already (anonymous carts).
if ARGV[8] == '1' and redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NO_CART'}
end
local lines = tonumber(redis.call('HGET', KEYS[1], 'lines') or '0')
local currency = redis.call('HGET', KEYS[1], 'currency')
if lines > 0 and currency and currency ~= ARGV[4] then
  return {'CURRENCY_MISMATCH'}
end
local held = tonumber(redis.call('HGET', KEYS[1], 'q:' .. ARGV[1]) or '0')
if held == 0 and lines >= tonumber(ARGV[5]) then
  return {'TOO_MANY_LINES'}
end
local wanted = held + tonumber(ARGV[2])
if wanted > tonumber(ARGV[6]) then
  return {'QUANTITY_LIMIT'}
end
if held == 0 then
  local position = redis.call('HINCRBY', KEYS[1], 'seq', 1)
  redis.call('HSET', KEYS[1], 'p:' .. ARGV[1], ARGV[3], 'o:' .. ARGV[1], position,
    'lines', lines + 1, 'currency', ARGV[4])
end
redis.call('HSET', KEYS[1], 'q:' .. ARGV[1], wanted)
redis.call('PEXPIRE', KEYS[1], ARGV[7])
local cart = redis.call('HGETALL', KEYS[1])
table.insert(cart, 1, 'DONE')
return cart
