-- Distinct members in last-seen order: a sorted set of members by sequence number (the order) and a hash of
-- members to when each was last seen, in microseconds. Both keys share one hash tag.
-- KEYS[1]  the order; KEYS[2] the last-seen times
-- ARGV[1]  admit or members; ARGV[2] the window's start (members last seen before it are forgotten)
-- admit:   ARGV[3] member; ARGV[4] max; ARGV[5] now; ARGV[6] members kept at most; ARGV[7] time to live (ms)
-- Returns, for admit, {1 when admitted, else 0; the number of members after}; for members, the most recent first.
local order = KEYS[1]
local seen = KEYS[2]
local start = tonumber(ARGV[2])
while true do
    local eldest = redis.call('ZRANGE', order, 0, 0)
    if #eldest == 0 then
        break
    end
    local at = tonumber(redis.call('HGET', seen, eldest[1]))
    if at and at >= start then
        break
    end
    redis.call('ZREM', order, eldest[1])
    redis.call('HDEL', seen, eldest[1])
end
if ARGV[1] == 'members' then
    return redis.call('ZREVRANGE', order, 0, -1)
end
local member = ARGV[3]
local size = redis.call('ZCARD', order)
if not redis.call('ZSCORE', order, member) and size >= tonumber(ARGV[4]) then
    return {0, size}
end
local newest = redis.call('ZRANGE', order, -1, -1, 'WITHSCORES')
local sequence = 1
if #newest > 0 then
    sequence = tonumber(newest[2]) + 1
end
redis.call('ZADD', order, string.format('%d', sequence), member)
redis.call('HSET', seen, member, ARGV[5])
local keep = tonumber(ARGV[6])
while redis.call('ZCARD', order) > keep do
    local dropped = redis.call('ZPOPMIN', order)
    redis.call('HDEL', seen, dropped[1])
end
redis.call('PEXPIRE', order, ARGV[7])
redis.call('PEXPIRE', seen, ARGV[7])
return {1, redis.call('ZCARD', order)}
