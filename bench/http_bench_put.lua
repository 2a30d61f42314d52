-- wrk script for bench/http_bench: PUT of 1 KiB values to kvd, spread over many keys.
--
--   wrk ... -s bench/http_bench_put.lua http://127.0.0.1:PORT -- PATH_PREFIX KEYS_PER_THREAD
--
-- Each wrk thread cycles through its own KEYS_PER_THREAD keys (PATH_PREFIX .. "put-T-NNNNNN"),
-- so the store sees upserts spread over many rows (inserts on the first pass, overwrites of
-- same-sized values after) rather than one hot row. The requests are formatted once in init():
-- building them per request would spend wrk's CPU, which shares the machine with kvd.
-- No response() callback: it would make wrk parse every response in Lua; wrk itself counts
-- the non-2xx answers, and bench/http_bench rejects a run that has any.

local threads = 0

function setup(thread)
    thread:set("id", threads)
    threads = threads + 1
end

local requests = {}
local next_request = 1

function init(args)
    local prefix = args[1] or "/v1/namespaces/bench/values/"
    local keys = tonumber(args[2] or "4096")
    -- 1024 bytes: the 64 printable characters below, 16 times.
    local body = string.rep("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", 16)
    assert(#body == 1024)
    -- id is set by setup() in this thread's Lua state.
    local thread_id = id or 0
    -- The command line's -H headers (the Authorization header) plus the body's type.
    local headers = { ["Content-Type"] = "application/octet-stream" }
    for name, value in pairs(wrk.headers) do
        headers[name] = value
    end
    for i = 1, keys do
        local path = string.format("%sput-%d-%06d", prefix, thread_id, i)
        requests[i] = wrk.format("PUT", path, headers, body)
    end
end

function request()
    local r = requests[next_request]
    next_request = next_request % #requests + 1
    return r
end
