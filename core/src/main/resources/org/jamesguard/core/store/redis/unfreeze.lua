-- Lifts exactly the freeze with this id: a later freeze of the account stays.
-- KEYS[1]  freezes: a hash of account to record (JSON); KEYS[2] a hash of freeze id to account
-- ARGV[1]  account; ARGV[2] freeze id
-- Returns 1 when the freeze was in force.
local record = redis.call('HGET', KEYS[1], ARGV[1])
if not record or cjson.decode(record)['id'] ~= ARGV[2] then
    return 0
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[2])
return 1
