-- Freezes an account unless it is frozen: the first freeze stays.
-- KEYS[1]  freezes: a hash of account to record (JSON); KEYS[2] a hash of freeze id to account
-- ARGV[1]  account; ARGV[2] freeze id; ARGV[3] record
-- Returns 1 when this froze the account.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then
    return 0
end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
return 1
