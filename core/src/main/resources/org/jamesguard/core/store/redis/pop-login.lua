-- Keeps the latest POP3 login of an IP.
-- KEYS[1]  the IP's last login: fixed-width text, so that text order is time order
-- ARGV[1]  this login; ARGV[2] time to live (ms)
local last = redis.call('GET', KEYS[1])
if not last or last < ARGV[1] then
    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return 1
