-- Puts a screen entry, dropping the entries that expired and, past the maximum, those that expire soonest.
-- KEYS[1]  the entries: a hash of IP to entry (JSON); KEYS[2] their expiry: a sorted set of IP by epoch ms
-- ARGV[1]  IP; ARGV[2] entry; ARGV[3] its expiry (epoch ms); ARGV[4] now (epoch ms);
-- ARGV[5]  milliseconds until the entry expires: the keys live at least that long; ARGV[6] entries kept at most
-- Returns the number of entries evicted to stay within the maximum.
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
for _, ip in ipairs(expired) do
    redis.call('HDEL', KEYS[1], ip)
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
local evicted = 0
local max = tonumber(ARGV[6])
while redis.call('ZCARD', KEYS[2]) > max do
    local soonest = redis.call('ZPOPMIN', KEYS[2])
    redis.call('HDEL', KEYS[1], soonest[1])
    evicted = evicted + 1
end
local ttl = tonumber(ARGV[5])
for _, key in ipairs(KEYS) do
    if redis.call('PTTL', key) < ttl then
        redis.call('PEXPIRE', key, ARGV[5])
    end
end
return evicted
