-- Moves an anonymous cart's lines into a customer's cart in the order they were added:
-- quantities add up to the line limit, lines beyond the cart limit or in another currency stay
-- out, and each adjustment is reported. The anonymous cart is deleted.
-- KEYS[1] anonymous cart, KEYS[2] customer cart; ARGV: 1 max lines, 2 max quantity, 3 ttl in ms.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'NO_CART'}
end
local fields = redis.call('HGETALL', KEYS[1])
local from = {}
for i = 1, #fields, 2 do
  from[fields[i]] = fields[i + 1]
end
local skus = {}
for field, _ in pairs(from) do
  if string.sub(field, 1, 2) == 'q:' then
    table.insert(skus, string.sub(field, 3))
  end
end
table.sort(skus, function(a, b) return tonumber(from['o:' .. a]) < tonumber(from['o:' .. b]) end)
local maxLines = tonumber(ARGV[1])
local maxQuantity = tonumber(ARGV[2])
local lines = tonumber(redis.call('HGET', KEYS[2], 'lines') or '0')
local currency = redis.call('HGET', KEYS[2], 'currency')
local notices = {'DONE'}
for _, sku in ipairs(skus) do
  local held = tonumber(redis.call('HGET', KEYS[2], 'q:' .. sku) or '0')
  if lines > 0 and currency and currency ~= from['currency'] then
    table.insert(notices, sku .. ' was left out: it is priced in another currency than your cart')
  elseif held == 0 and lines >= maxLines then
    table.insert(notices, sku .. ' was left out: a cart holds at most ' .. maxLines .. ' products')
  else
    local total = held + tonumber(from['q:' .. sku])
    if total > maxQuantity then
      total = maxQuantity
      table.insert(notices, sku .. ' was capped at ' .. maxQuantity .. ' units')
    end
    if held == 0 then
      lines = lines + 1
      currency = from['currency']
      local position = redis.call('HINCRBY', KEYS[2], 'seq', 1)
      redis.call('HSET', KEYS[2], 'p:' .. sku, from['p:' .. sku], 'o:' .. sku, position,
        'lines', lines, 'currency', currency)
    end
    redis.call('HSET', KEYS[2], 'q:' .. sku, total)
  end
end
redis.call('DEL', KEYS[1])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return notices
