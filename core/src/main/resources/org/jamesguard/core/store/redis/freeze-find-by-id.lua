-- The record of a freeze id, or nil.
-- KEYS[1]  freezes: a hash of account to record (JSON); KEYS[2] a hash of freeze id to account
-- ARGV[1]  freeze id
local account = redis.call('HGET', KEYS[2], ARGV[1])
if not account then
    return false
end
return redis.call('HGET', KEYS[1], account)
