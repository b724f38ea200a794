-- Puts a screen entry, dropping the entries that expired.
-- KEYS[1]  the entries: a hash of IP to entry (JSON); KEYS[2] their expiry: a sorted set of IP by epoch ms
-- ARGV[1]  IP; ARGV[2] entry; ARGV[3] its expiry (epoch ms); ARGV[4] now (epoch ms);
-- ARGV[5]  milliseconds until the entry expires: the keys live at least that long
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
for _, ip in ipairs(expired) do
    redis.call('HDEL', KEYS[1], ip)
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
local ttl = tonumber(ARGV[5])
for _, key in ipairs(KEYS) do
    if redis.call('PTTL', key) < ttl then
        redis.call('PEXPIRE', key, ARGV[5])
    end
end
return 1
