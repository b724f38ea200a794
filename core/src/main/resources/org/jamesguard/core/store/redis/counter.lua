-- A sliding window (see SlidingWindow): one hash field per bucket number, the count per bucket as value.
-- KEYS[1]  the window's hash
-- ARGV[1]  acquire (record unless past the limit), increment (record anyway) or count
-- ARGV[2]  amount; ARGV[3] limit; ARGV[4] the bucket of now; ARGV[5] buckets kept besides the newest;
-- ARGV[6]  time to live of an idle key, in milliseconds
-- Returns {1 when recorded, else 0; the count of the window after}.
local key = KEYS[1]
local fields = redis.call('HGETALL', key)
local now = tonumber(ARGV[4])
local newest = now
for i = 1, #fields, 2 do
    newest = math.max(newest, tonumber(fields[i]))
end
local oldest = newest - tonumber(ARGV[5])
local count = 0
for i = 1, #fields, 2 do
    if tonumber(fields[i]) < oldest then
        redis.call('HDEL', key, fields[i])
    else
        count = count + tonumber(fields[i + 1])
    end
end
local amount = tonumber(ARGV[2])
if ARGV[1] == 'count' or (ARGV[1] == 'acquire' and amount > tonumber(ARGV[3]) - count) then
    return {0, count}
end
local bucket = ARGV[4]
if now < oldest then
    bucket = string.format('%d', oldest)
end
redis.call('HINCRBY', key, bucket, ARGV[2])
redis.call('PEXPIRE', key, ARGV[6])
return {1, count + amount}
