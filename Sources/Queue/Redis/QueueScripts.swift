/// The Lua scripts that make every job state transition one atomic step.
///
/// Each script touches the keys of one queue only: `KEYS[1]` is the queue's `meta` key, whose name less `meta` is
/// the queue's key prefix (see `RedisQueueKeys` for the layout). Each is typed by its argument and reply codec (`Codecs/`):
/// the ARGV layout a script documents here is written by its `…Arguments` type, nowhere else.
enum QueueScripts {
    /// How a script's refusal to run while its queue moves begins (`RedisQueueBackend.moveQueue`).
    static let movingRefusal = "TRYAGAIN the queue is moving"

    /// Helpers every script starts with.
    static let prelude = """
        local prefix = string.sub(KEYS[1], 1, -5)
        -- While the queue's slot moves to another cluster node (`RedisQueueBackend.moveQueue`), keys built from
        -- ids may be on either node: refuse, and the cluster client sends the script again after a backoff. The
        -- flag is in the declared key, so Redis runs this check on whichever node holds the queue's meta now.
        if redis.call('HEXISTS', KEYS[1], 'moving') == 1 then
          return redis.error_reply('\(movingRefusal) to another cluster node')
        end
        local function jobkey(id) return prefix .. 'job:' .. id end
        -- A whole number as Redis gets it. A Lua number handed to redis.call is formatted with "%.17g", which
        -- cost about as much as the job's HSET itself; "%d" gives the same digits (all ours are below 2^53).
        local function int(n) return string.format('%d', n) end
        -- A job's hash holds what enqueue fixed packed in one field, `spec` (see `JobSpec`: "priority,
        -- max_attempts,timeout_ms,backoff_base_ms,backoff_max_ms,created_at,run_at,type"), and fields of its own
        -- only as scripts write them. A field of its own wins over the spec's value; a hash from before the spec
        -- has every field on its own. `job_fields` reads `names` through that rule, as HMGET reads a full hash.
        local spec_index = {priority = 1, max_attempts = 2, timeout_ms = 3, backoff_base_ms = 4, backoff_max_ms = 5,
          created_at = 6, run_at = 7, type = 8}
        local function job_fields(key, ...)
          local got = redis.call('HMGET', key, 'spec', ...)
          local names, spec, out = {...}, nil, {}
          for i = 1, #names do
            local value = got[i + 1]
            if not value and got[1] and spec_index[names[i]] then
              spec = spec or {string.match(got[1], '^([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),(.*)$')}
              value = spec[spec_index[names[i]]] or false
            end
            out[i] = value
          end
          return out
        end
        local function append_error(key, entry)
          local errs = redis.call('HGET', key, 'errors')
          if (not errs) or errs == '' or errs == '[]' then errs = '[' .. entry .. ']'
          else errs = string.sub(errs, 1, -2) .. ',' .. entry .. ']' end
          redis.call('HSET', key, 'errors', errs)
        end
        -- A job the `packed` layout enqueued ready to run is one string, its spec, a newline and its payload: one
        -- MSET a batch instead of an HSET a job. The first script that changes it makes it the hash every other
        -- job is; a script that reads job fields calls one of these first. `unpack_job` deletes the string and
        -- returns its spec and payload (nothing for a hash or a missing key); `hashed` writes them back as a queued
        -- job's hash.
        local function unpack_job(key)
          if redis.call('TYPE', key)['ok'] ~= 'string' then return nil end
          local text = redis.call('GETDEL', key)
          local cut = string.find(text, '\\n', 1, true)
          return string.sub(text, 1, cut - 1), string.sub(text, cut + 1)
        end
        local function hashed(key)
          local spec, payload = unpack_job(key)
          if spec then redis.call('HSET', key, 'spec', spec, 'payload', payload, 'state', 'queued') end
        end
        -- Ready jobs wait in one list per priority, 0 (first) to 9 (last), oldest first: a job costs Redis an
        -- RPUSH to queue and an LPOP to take, where a sorted set by priority and time cost a ZADD and a ZPOPMIN,
        -- about 1.7 µs more a job. Taking a ready job out of the middle (cancel, delete) is an LREM, O(n).
        local function readykey(priority) return prefix .. 'ready:' .. priority end
        local function ready_list(key) return readykey(int(tonumber(job_fields(key, 'priority')[1] or '0'))) end
        local function make_ready(id, key)
          redis.call('HSET', key, 'state', 'queued')
          redis.call('RPUSH', ready_list(key), id)
        end
        local function unready(id, key)
          redis.call('LREM', ready_list(key), 1, id)
          redis.call('ZREM', prefix .. 'queued', id)
        end
        -- Up to `n` ready ids, by priority and then age.
        local function pop_ready(n)
          local ids = {}
          for priority = 0, 9 do
            if #ids >= n then break end
            local got = redis.call('LPOP', readykey(priority), n - #ids)
            if got then for _, id in ipairs(got) do ids[#ids + 1] = id end end
          end
          return ids
        end
        local function ready_count()
          local n = 0
          for priority = 0, 9 do n = n + redis.call('LLEN', readykey(priority)) end
          return n
        end
        -- A queue written before the ready lists kept its ready jobs in one sorted set, `queued` (score = priority
        -- × 10¹³ + ready time), and a worker of that version still does during a rolling deploy: moves up to `max`
        -- of them, oldest first, to the lists (after the jobs already there). One no longer queued was cancelled
        -- or deleted by that version, which took it out of the sorted set only.
        local function drain_legacy(max)
          local legacy = prefix .. 'queued'
          if max <= 0 or redis.call('EXISTS', legacy) == 0 then return end
          local popped = redis.call('ZPOPMIN', legacy, max)
          for i = 1, #popped, 2 do
            local id = popped[i]
            hashed(jobkey(id))
            if redis.call('HGET', jobkey(id), 'state') == 'queued' then
              redis.call('RPUSH', readykey(int(math.floor(tonumber(popped[i + 1]) / 1e13))), id)
            end
          end
        end
        local function notify(n)
          if n <= 0 then return end
          if n > 64 then n = 64 end
          local tokens = {}
          for i = 1, n do tokens[i] = '1' end
          redis.call('RPUSH', prefix .. 'notify', unpack(tokens))
          redis.call('LTRIM', prefix .. 'notify', -64, -1)
        end
        -- Calls `command` on `key` with `values` after it, in slices: Lua's unpack has a stack limit.
        local function call_sliced(command, key, values)
          for from = 1, #values, 1000 do
            redis.call(command, key, unpack(values, from, math.min(from + 999, #values)))
          end
        end
        -- Ending jobs in one state comes in two steps, so a script that ends many writes one ZADD and one
        -- RPUSH per list for all of them: finish_job per job (its hash at once), then flush_finished.
        local function finishing(state, now, archive)
          return {state = state, now = int(now), archive = archive, scored = {}, parents = {}, archived = {}}
        end
        -- `fields`: more field/value pairs for the same HSET; `children`: the job's has_children field when
        -- the caller has read it already (nil: read here). The lease token stays: every script that takes it
        -- also wants the state `running`, and deleting it was one more command per job.
        local function finish_job(batch, id, key, fields, children)
          fields = fields or {}
          fields[#fields + 1] = 'state'; fields[#fields + 1] = batch.state
          fields[#fields + 1] = 'finished_at'; fields[#fields + 1] = batch.now
          redis.call('HSET', key, unpack(fields))
          batch.scored[#batch.scored + 1] = batch.now
          batch.scored[#batch.scored + 1] = id
          if children == nil then children = redis.call('HGET', key, 'has_children') end
          if children == '1' then batch.parents[#batch.parents + 1] = id end
          if batch.archive == '1' then batch.archived[#batch.archived + 1] = id end
        end
        local function flush_finished(batch)
          call_sliced('ZADD', prefix .. batch.state, batch.scored)
          call_sliced('RPUSH', prefix .. 'outbox', batch.parents)
          call_sliced('RPUSH', prefix .. 'archive', batch.archived)
        end
        local function finish(id, key, state, now, archive)
          local batch = finishing(state, now, archive)
          finish_job(batch, id, key)
          flush_finished(batch)
        end

        """

    /// ARGV: now, count, fence name, fence token, shape count, pack flag (`1`: `JobHashLayout.packed`), the shapes
    /// (priority, run-at, idempotency key, payload hash, parents, n, then n hash field strings), then id, payload and
    /// shape number per job (see `EnqueueArguments`). Returns `{index, existing id, …}` for the jobs whose idempotency key was taken (every
    /// other job is created); refuses the whole batch on a stale fence or an idempotency conflict.
    static let enqueue = QueueScript<EnqueueArguments, EnqueueReply>("enqueue", """
        local now = tonumber(ARGV[1])
        local count = tonumber(ARGV[2])
        if ARGV[3] ~= '' then
          local seen = tonumber(redis.call('HGET', prefix .. 'meta', 'fence:' .. ARGV[3]) or '-1')
          local token = tonumber(ARGV[4])
          if token < seen then
            return redis.error_reply('STALEFENCE token ' .. ARGV[4] .. ' is older than ' .. seen)
          end
          redis.call('HSET', prefix .. 'meta', 'fence:' .. ARGV[3], ARGV[4])
        end
        -- What a shape's jobs share is worked out once: their state, priority and job hash fields (a
        -- job's payload goes in slot 2). The hash fields come laid out by the caller (`JobHashLayout`).
        local shapes = {}
        local nshapes = tonumber(ARGV[5])
        local pack = ARGV[6] == '1'
        local a = 7
        for s = 1, nshapes do
          local run_at, idem, parents = tonumber(ARGV[a + 1]), ARGV[a + 2], ARGV[a + 4]
          local state = 'queued'
          if parents ~= '' then state = 'waiting' elseif run_at > now then state = 'scheduled' end
          local fields = {'payload', '', 'state', state}
          local nfields = tonumber(ARGV[a + 5])
          for k = 1, nfields do fields[4 + k] = ARGV[a + 5 + k] end
          shapes[s] = {fields = fields, state = state, run_at_text = ARGV[a + 1], idem = idem, hash = ARGV[a + 3],
            parents = parents, priority = tonumber(ARGV[a])}
          -- Packed: a job that waits only for a worker and whose hash would hold its spec alone.
          if pack and state == 'queued' and idem == '' and nfields == 2 and fields[5] == 'spec' then
            shapes[s].packed = fields[6] .. '\\n'
          end
          a = a + 6 + nfields
        end
        local first = a
        -- Conflicts are found before anything is written, so a refused batch leaves no trace.
        for i = 0, count - 1 do
          local shape = shapes[tonumber(ARGV[first + i * 3 + 2])]
          if shape.idem ~= '' then
            local existing = redis.call('GET', prefix .. 'idem:' .. shape.idem)
            if existing and redis.call('EXISTS', jobkey(existing)) == 1
              and redis.call('HGET', jobkey(existing), 'payload_hash') ~= shape.hash then
              return redis.error_reply('IDEMCONFLICT ' .. i .. ' ' .. existing)
            end
          end
        end
        local out = {}
        local ready, nready, packed = {}, 0, {}
        for i = 0, count - 1 do
          local b = first + i * 3
          local id, shape = ARGV[b], shapes[tonumber(ARGV[b + 2])]
          local created = true
          if shape.idem ~= '' then
            local ikey = prefix .. 'idem:' .. shape.idem
            local existing = redis.call('GET', ikey)
            if existing and redis.call('EXISTS', jobkey(existing)) == 1 then
              created = false
              out[#out + 1] = i
              out[#out + 1] = existing
            else
              redis.call('SET', ikey, id)
            end
          end
          if created and shape.packed then
            packed[#packed + 1] = jobkey(id)
            packed[#packed + 1] = shape.packed .. ARGV[b + 1]
            local list = ready[shape.priority]
            if not list then list = {}; ready[shape.priority] = list end
            list[#list + 1] = id
            nready = nready + 1
          elseif created then
            local fields = shape.fields
            fields[2] = ARGV[b + 1]
            redis.call('HSET', jobkey(id), unpack(fields))
            if shape.state == 'waiting' then
              redis.call('ZADD', prefix .. 'waiting', ARGV[1], id)
              for parent in string.gmatch(shape.parents, '[^,]+') do redis.call('SADD', prefix .. 'deps:' .. id, parent) end
            elseif shape.state == 'scheduled' then
              redis.call('ZADD', prefix .. 'scheduled', shape.run_at_text, id)
            else
              local list = ready[shape.priority]
              if not list then list = {}; ready[shape.priority] = list end
              list[#list + 1] = id
              nready = nready + 1
            end
          end
        end
        for from = 1, #packed, 1000 do
          redis.call('MSET', unpack(packed, from, math.min(from + 999, #packed)))
        end
        for priority = 0, 9 do
          if ready[priority] then call_sliced('RPUSH', readykey(priority), ready[priority]) end
        end
        notify(nready)
        return out
        """)

    /// ARGV: fence name, token. Raises the queue's fence to `token`; refuses an older token.
    static let advanceFence = QueueScript<FenceArguments, Int>("advance-fence", """
        local seen = tonumber(redis.call('HGET', prefix .. 'meta', 'fence:' .. ARGV[1]) or '-1')
        if tonumber(ARGV[2]) < seen then
          return redis.error_reply('STALEFENCE token ' .. ARGV[2] .. ' is older than ' .. seen)
        end
        redis.call('HSET', prefix .. 'meta', 'fence:' .. ARGV[1], ARGV[2])
        return seen
        """)

    /// ARGV: now, worker, lease ms, max jobs, token prefix. Returns
    /// `{status, hint, id, spec, payload, attempt, token, type, max_attempts, timeout_ms, created_at, run_at, trace, ...}`
    /// where status is `ok` or `paused` and hint is when to look again (ms epoch, -1 unknown). The job's fields
    /// after its token are those of its own (nil where the spec holds them): `ReserveReply` applies the spec, so
    /// the script does not unpack it.
    static let reserve = QueueScript<ReserveArguments, ReserveReply>("reserve", """
        local now = tonumber(ARGV[1])
        local meta = prefix .. 'meta'
        -- The queue's settings in one read: paused, concurrency, rate, rate_period_ms, rate_tokens, rate_at.
        local settings = redis.call('HMGET', meta, 'paused', 'concurrency', 'rate', 'rate_period_ms', 'rate_tokens', 'rate_at')
        if settings[1] == '1' then return {'paused', -1} end
        drain_legacy(1000)
        -- Each set's first entry tells whether anything is due and, afterwards, when to look again: the
        -- range query runs only when something is due.
        local nexts = {}
        for _, zname in ipairs({'scheduled', 'retry'}) do
          local first = redis.call('ZRANGE', prefix .. zname, 0, 0, 'WITHSCORES')
          if first[2] and tonumber(first[2]) <= now then
            local due = redis.call('ZRANGEBYSCORE', prefix .. zname, '-inf', now, 'LIMIT', 0, 500)
            for _, id in ipairs(due) do make_ready(id, jobkey(id)) end
            redis.call('ZREM', prefix .. zname, unpack(due))
            first = redis.call('ZRANGE', prefix .. zname, 0, 0, 'WITHSCORES')
          end
          if first[2] then nexts[#nexts + 1] = tonumber(first[2]) end
        end
        local n = tonumber(ARGV[4])
        local limit = tonumber(settings[2] or '0')
        if limit > 0 then
          local free = limit - redis.call('ZCARD', prefix .. 'running')
          if free < n then n = free end
        end
        local hint = -1
        local rate = tonumber(settings[3] or '0')
        if rate > 0 and n > 0 then
          local period = tonumber(settings[4])
          local tokens = tonumber(settings[5] or rate)
          local last = tonumber(settings[6] or now)
          tokens = math.min(rate, tokens + (now - last) * rate / period)
          local take = math.min(n, math.floor(tokens))
          take = math.min(take, ready_count())
          n = take
          tokens = tokens - take
          redis.call('HSET', meta, 'rate_tokens', tostring(tokens), 'rate_at', now)
          if n == 0 then hint = now + math.ceil((1 - tokens) * period / rate) end
        end
        local out = {'ok', -1}
        if n > 0 then
          local popped = pop_ready(n)
          local leases = {}
          local lease = int(now + tonumber(ARGV[3]))
          for _, id in ipairs(popped) do
            local key = jobkey(id)
            local f
            local spec, payload = unpack_job(key)
            if spec then
              f = {spec, payload, false, false, false, false, false, false, false, 'queued', false}
            else
              f = redis.call('HMGET', key, 'spec', 'payload', 'attempt', 'cancel',
                'type', 'max_attempts', 'timeout_ms', 'created_at', 'run_at', 'state', 'trace')
            end
            -- An id whose job is gone or no longer queued (cancelled or deleted by a version that kept ready
            -- jobs in a sorted set) is dropped.
            if (f[1] or f[5]) and f[10] == 'queued' then
              local attempt = tonumber(f[3] or '0') + 1
              local token = ARGV[5] .. ':' .. int(attempt)
              -- The lease's end is its score in `running` only (heartbeats move that one); a cancel request
              -- left from an earlier run is cleared only where there is one.
              if spec then
                redis.call('HSET', key, 'spec', spec, 'payload', payload, 'state', 'running', 'attempt', '1',
                  'worker', ARGV[2], 'token', token, 'started_at', ARGV[1])
              elseif f[4] == '1' then
                redis.call('HSET', key, 'state', 'running', 'attempt', int(attempt), 'worker', ARGV[2],
                  'token', token, 'started_at', ARGV[1], 'cancel', '0')
              else
                redis.call('HSET', key, 'state', 'running', 'attempt', int(attempt), 'worker', ARGV[2],
                  'token', token, 'started_at', ARGV[1])
              end
              leases[#leases + 1] = lease
              leases[#leases + 1] = id
              local o = #out
              out[o + 1], out[o + 2], out[o + 3], out[o + 4], out[o + 5] = id, f[1], f[2], attempt, token
              out[o + 6], out[o + 7], out[o + 8], out[o + 9], out[o + 10] = f[5], f[6], f[7], f[8], f[9]
              out[o + 11] = f[11]
            end
          end
          if #leases > 0 then redis.call('ZADD', prefix .. 'running', unpack(leases)) end
        end
        if hint < 0 then
          for _, t in ipairs(nexts) do if hint < 0 or t < hint then hint = t end end
        end
        out[2] = hint
        return out
        """)

    /// ARGV: now, lease ms, then (id, token) pairs. Returns per job 1 (extended), 2 (extended,
    /// cancellation requested) or 0 (the lease is no longer ours).
    static let heartbeat = QueueScript<HeartbeatArguments, [JobQueue.LeaseStatus]>("heartbeat", """
        local now = tonumber(ARGV[1])
        local lease = int(now + tonumber(ARGV[2]))
        local out = {}
        for i = 3, #ARGV, 2 do
          local id, token = ARGV[i], ARGV[i + 1]
          local key = jobkey(id)
          local f = redis.call('HMGET', key, 'token', 'state', 'cancel')
          if f[1] == token and f[2] == 'running' then
            redis.call('ZADD', prefix .. 'running', 'XX', lease, id)
            if f[3] == '1' then out[#out + 1] = 2 else out[#out + 1] = 1 end
          else
            out[#out + 1] = 0
          end
        end
        return out
        """)

    /// ARGV: now, archive flag, then (id, token, result) triples. Returns 1 per job acknowledged,
    /// 0 where the lease was lost (the result is dropped; the job runs again or already ended).
    static let complete = QueueScript<CompleteArguments, [Bool]>("complete", """
        local now = tonumber(ARGV[1])
        local out = {}
        local done = {}
        local batch = finishing('succeeded', now, ARGV[2])
        for i = 3, #ARGV, 3 do
          local id, token = ARGV[i], ARGV[i + 1]
          local key = jobkey(id)
          local f = redis.call('HMGET', key, 'token', 'state', 'has_children')
          if f[1] == token and f[2] == 'running' then
            -- A succeeded job's progress is 100 without a field for it (`RedisJobHash`).
            finish_job(batch, id, key, {'result', ARGV[i + 2]}, f[3])
            done[#done + 1] = id
            out[#out + 1] = 1
          else
            out[#out + 1] = 0
          end
        end
        flush_finished(batch)
        call_sliced('ZREM', prefix .. 'running', done)
        return out
        """)

    /// ARGV: now, archive flag, then (id, token, error JSON, mode, jitter) per job; mode is
    /// `retry`, `dead` or `cancelled`. Returns the new state per job, or `lost`.
    static let fail = QueueScript<FailArguments, [JobState?]>("fail", """
        local now = tonumber(ARGV[1])
        local out = {}
        for i = 3, #ARGV, 5 do
          local id, token, mode = ARGV[i], ARGV[i + 1], ARGV[i + 3]
          local key = jobkey(id)
          local f = job_fields(key, 'token', 'state', 'attempt', 'max_attempts', 'backoff_base_ms', 'backoff_max_ms')
          if f[1] == token and f[2] == 'running' then
            append_error(key, ARGV[i + 2])
            redis.call('ZREM', prefix .. 'running', id)
            local attempt, max = tonumber(f[3]), tonumber(f[4])
            if mode == 'cancelled' then
              finish(id, key, 'cancelled', now, ARGV[2])
              out[#out + 1] = 'cancelled'
            elseif mode == 'retry' and attempt < max then
              local delay = math.min(tonumber(f[6]), tonumber(f[5]) * 2 ^ (attempt - 1))
              delay = math.floor(delay * (0.75 + 0.5 * tonumber(ARGV[i + 4])))
              redis.call('HSET', key, 'state', 'retrying', 'run_at', int(now + delay))
              redis.call('HDEL', key, 'token', 'lease_until')
              redis.call('ZADD', prefix .. 'retry', now + delay, id)
              out[#out + 1] = 'retrying'
            else
              finish(id, key, 'dead', now, ARGV[2])
              out[#out + 1] = 'dead'
            end
          else
            out[#out + 1] = 'lost'
          end
        end
        return out
        """)

    /// ARGV: now, then (id, token) pairs. Hands leases back without spending an attempt.
    static let release = QueueScript<ReleaseArguments, [Bool]>("release", """
        local now = tonumber(ARGV[1])
        local out = {}
        local released = 0
        for i = 2, #ARGV, 2 do
          local id, token = ARGV[i], ARGV[i + 1]
          local key = jobkey(id)
          local f = redis.call('HMGET', key, 'token', 'state', 'attempt')
          if f[1] == token and f[2] == 'running' then
            redis.call('HSET', key, 'attempt', tonumber(f[3]) - 1)
            redis.call('HDEL', key, 'token', 'lease_until')
            redis.call('ZREM', prefix .. 'running', id)
            make_ready(id, key)
            released = released + 1
            out[#out + 1] = 1
          else
            out[#out + 1] = 0
          end
        end
        notify(released)
        return out
        """)

    /// ARGV: now, archive flag, max. Returns expired leases to the queue (or the dead set when
    /// no attempts are left), recording the expiry as the attempt's error. Returns the count.
    static let reap = QueueScript<ReapArguments, Int>("reap", """
        local now = tonumber(ARGV[1])
        local expired = redis.call('ZRANGEBYSCORE', prefix .. 'running', '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
        local requeued = 0
        for _, id in ipairs(expired) do
          local key = jobkey(id)
          local f = job_fields(key, 'attempt', 'max_attempts', 'worker', 'state')
          if f[4] == 'running' then
            append_error(key, cjson.encode({attempt = tonumber(f[1]), at = now, kind = 'lease_expired',
              worker = f[3], message = 'lease expired: worker ' .. tostring(f[3]) .. ' stopped heartbeating'}))
            if tonumber(f[1]) >= tonumber(f[2]) then
              finish(id, key, 'dead', now, ARGV[2])
            else
              redis.call('HDEL', key, 'token', 'lease_until')
              make_ready(id, key)
              requeued = requeued + 1
            end
          end
        end
        if #expired > 0 then redis.call('ZREM', prefix .. 'running', unpack(expired)) end
        notify(requeued)
        return #expired
        """)

    /// ARGV: id, now, archive flag. Returns `cancelled`, `requested` (running: the worker will
    /// see it at its next heartbeat), `missing` or `finished:STATE`.
    static let cancel = QueueScript<CancelArguments, CancelResult>("cancel", """
        local id, now = ARGV[1], tonumber(ARGV[2])
        local key = jobkey(id)
        hashed(key)
        local state = redis.call('HGET', key, 'state')
        if not state then return 'missing' end
        if state == 'running' then
          redis.call('HSET', key, 'cancel', '1')
          return 'requested'
        end
        local from = ({scheduled = 'scheduled', retrying = 'retry', waiting = 'waiting'})[state]
        if state == 'queued' then unready(id, key)
        elseif from then redis.call('ZREM', prefix .. from, id)
        else return 'finished:' .. state end
        redis.call('DEL', prefix .. 'deps:' .. id)
        finish(id, key, 'cancelled', now, ARGV[3])
        return 'cancelled'
        """)

    /// ARGV: id, token, percent, message, now. Returns 1, or 0 when the lease is not ours.
    static let progress = QueueScript<ProgressArguments, Bool>("progress", """
        local key = jobkey(ARGV[1])
        local f = redis.call('HMGET', key, 'token', 'state')
        if f[1] ~= ARGV[2] or f[2] ~= 'running' then return 0 end
        redis.call('HSET', key, 'progress', ARGV[3], 'progress_message', ARGV[4], 'progress_at', ARGV[5])
        return 1
        """)

    /// Parent side of a dependency. ARGV: parent id, child queue, child id. Returns `attached`,
    /// or the parent's final state (`succeeded`, `dead`, `cancelled`), or `missing`.
    static let attach = QueueScript<AttachArguments, AttachResult>("attach", """
        local key = jobkey(ARGV[1])
        hashed(key)
        local state = redis.call('HGET', key, 'state')
        if not state then return 'missing' end
        if state == 'succeeded' or state == 'dead' or state == 'cancelled' then return state end
        redis.call('SADD', prefix .. 'children:' .. ARGV[1], ARGV[2] .. '\\n' .. ARGV[3])
        redis.call('HSET', key, 'has_children', '1')
        return 'attached'
        """)

    /// Child side of a dependency. ARGV: child id, parent id, parent outcome, now, archive flag.
    /// Idempotent: a child no longer waiting ignores the news.
    static let resolve = QueueScript<ResolveArguments, Int>("resolve", """
        local child, parent, outcome, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
        local key = jobkey(child)
        if redis.call('HGET', key, 'state') ~= 'waiting' then return 0 end
        local deps = prefix .. 'deps:' .. child
        if outcome == 'succeeded' then
          redis.call('SREM', deps, parent)
          if redis.call('SCARD', deps) > 0 then return 1 end
          redis.call('ZREM', prefix .. 'waiting', child)
          local run_at = tonumber(job_fields(key, 'run_at')[1] or '0')
          if run_at > now then
            redis.call('HSET', key, 'state', 'scheduled')
            redis.call('ZADD', prefix .. 'scheduled', run_at, child)
          else
            make_ready(child, key)
            notify(1)
          end
          return 1
        end
        local policy = redis.call('HGET', key, 'dep_policy')
        append_error(key, cjson.encode({attempt = 0, at = now, kind = 'dependency',
          message = 'parent ' .. parent .. ' ended ' .. outcome}))
        redis.call('DEL', deps)
        redis.call('ZREM', prefix .. 'waiting', child)
        if policy == 'fail' then finish(child, key, 'dead', now, ARGV[5])
        else finish(child, key, 'cancelled', now, ARGV[5]) end
        return 1
        """)

    /// ARGV: max. Returns `{parent id, parent state, n, child...}` groups for finished parents.
    static let outboxPeek = QueueScript<OutboxPeekArguments, OutboxReply>("outbox-peek", """
        local ids = redis.call('LRANGE', prefix .. 'outbox', 0, tonumber(ARGV[1]) - 1)
        local out = {}
        for _, id in ipairs(ids) do
          local children = redis.call('SMEMBERS', prefix .. 'children:' .. id)
          out[#out + 1] = id
          out[#out + 1] = redis.call('HGET', jobkey(id), 'state') or 'missing'
          out[#out + 1] = #children
          for _, c in ipairs(children) do out[#out + 1] = c end
        end
        return out
        """)

    /// ARGV: parent ids whose children were told. Removes them from the outbox.
    static let outboxAck = QueueScript<OutboxAckArguments, Int>("outbox-ack", """
        for _, id in ipairs(ARGV) do redis.call('LREM', prefix .. 'outbox', 1, id) end
        return #ARGV
        """)

    /// ARGV: now, finished TTL ms, dead TTL ms, max. Deletes finished jobs past retention.
    static let prune = QueueScript<PruneArguments, Int>("prune", """
        local now = tonumber(ARGV[1])
        local removed = 0
        for zname, ttl in pairs({succeeded = ARGV[2], cancelled = ARGV[2], dead = ARGV[3]}) do
          local ids = redis.call('ZRANGEBYSCORE', prefix .. zname, '-inf', now - tonumber(ttl), 'LIMIT', 0, tonumber(ARGV[4]))
          for _, id in ipairs(ids) do
            local idem = redis.call('HGET', jobkey(id), 'idem')
            if idem and idem ~= '' and redis.call('GET', prefix .. 'idem:' .. idem) == id then
              redis.call('DEL', prefix .. 'idem:' .. idem)
            end
            redis.call('DEL', jobkey(id), prefix .. 'children:' .. id, prefix .. 'deps:' .. id)
          end
          if #ids > 0 then redis.call('ZREM', prefix .. zname, unpack(ids)) end
          removed = removed + #ids
        end
        return removed
        """)

    /// ARGV: id, now. Puts a dead or cancelled job back in the queue with fresh attempts.
    /// Returns `queued`, `missing` or `not-finished:STATE`.
    static let retry = QueueScript<RetryArguments, RetryResult>("retry", """
        local id, now = ARGV[1], tonumber(ARGV[2])
        local key = jobkey(id)
        hashed(key)
        local state = redis.call('HGET', key, 'state')
        if not state then return 'missing' end
        if state ~= 'dead' and state ~= 'cancelled' then return 'not-finished:' .. state end
        redis.call('ZREM', prefix .. state, id)
        redis.call('HSET', key, 'attempt', 0, 'cancel', '0')
        redis.call('HDEL', key, 'finished_at')
        make_ready(id, key)
        notify(1)
        return 'queued'
        """)

    /// ARGV: id. Removes a job in any state. Returns 1 when it existed.
    static let delete = QueueScript<DeleteArguments, Bool>("delete", """
        local id = ARGV[1]
        local key = jobkey(id)
        hashed(key)
        local f = redis.call('HMGET', key, 'state', 'idem')
        if not f[1] then return 0 end
        if f[1] == 'queued' then unready(id, key) end
        for _, zname in ipairs({'scheduled', 'retry', 'running', 'waiting', 'succeeded', 'dead', 'cancelled'}) do
          redis.call('ZREM', prefix .. zname, id)
        end
        if f[2] and f[2] ~= '' and redis.call('GET', prefix .. 'idem:' .. f[2]) == id then
          redis.call('DEL', prefix .. 'idem:' .. f[2])
        end
        redis.call('DEL', key, prefix .. 'deps:' .. id, prefix .. 'children:' .. id)
        return 1
        """)

    /// ARGV: offset, limit. Returns `{count, id…}`: how many jobs are ready, and up to `limit` of them from `offset`
    /// in the order workers take them.
    static let ready = QueueScript<ReadyPageArguments, ReadyPage>("ready", """
        drain_legacy(redis.call('ZCARD', prefix .. 'queued'))
        local offset, limit = tonumber(ARGV[1]), tonumber(ARGV[2])
        local out = {0}
        for priority = 0, 9 do
          local key = readykey(priority)
          local length = redis.call('LLEN', key)
          out[1] = out[1] + length
          if limit > 0 and offset < length then
            for _, id in ipairs(redis.call('LRANGE', key, offset, offset + limit - 1)) do
              out[#out + 1] = id
              limit = limit - 1
            end
          end
          offset = math.max(0, offset - length)
        end
        return out
        """)
}
