import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type {
  Bid,
  BidOutcome,
  BidOutcomeAccepted,
  ControlCommand,
  ControlOutcome,
  HistoryEntry,
  LotEnd,
  LotState,
  Refusal,
} from '@kepai/auction-rules';
import { isEndPhase } from '@kepai/auction-rules';
import type { BidStore, ControlResultAt, LotLoader, PlaceResult } from './bid-store';

/**
 * The Redis bid store's one script: the reference model's `placeBid` and `control`
 * (libs/auction-rules, RULES.md) in Lua, judged with the server's clock in one atomic step.
 *
 * KEYS[1] the lot, a hash: `state` the lot without `accepted` (JSON); `bid:<bidId>` the first
 *         outcome of each accepted bid (JSON); `i:<k>` the bidId accepted k-th; `n` how many were
 *         accepted; `gen` a token of this install. A call reads and writes one small state and
 *         one outcome however long the lot's history is.
 * KEYS[2] the lot's stream of accepted bids (the outbox the persister reads).
 * ARGV[1] `place` | `control` | `state`; ARGV[2] the lot id (written into stream entries)
 * place:   ARGV[3] bidId, ARGV[4] paddle, ARGV[5] amount, ARGV[6] maxAmount ('' when none)
 * control: ARGV[3] action, ARGV[4] lastSeq ('' when none)
 * ARGV[7], ARGV[8] the caller's `gen` and how many accepted bids of it the caller holds: the
 *          reply carries only the others (all of them when the `gen` differs); -1: none at all
 * ARGV[9…] optional: the lot to install when it is missing (a new `gen`, the state JSON, then
 *          bidId / outcome JSON pairs in seq order); ignored when the lot is held (an earlier
 *          install won).
 *
 * Returns { tag, now, result JSON, state JSON, gen, k, { bidId, outcome JSON, … } } with the
 * accepted bids from the k-th on; tag one of MISSING (nothing else set), ACCEPTED, REPLAY (the
 * stored first outcome), REFUSED, CONTROL, STATE.
 *
 * Numbers: Lua numbers are doubles, like JavaScript's, so the arithmetic is the model's to the
 * bit. cjson decodes exactly but encodes with 14 significant digits, so everything written is
 * encoded here, integers with %d (exact up to 2^63) — never by cjson.encode, which only quotes
 * strings. Nothing is ever divided except TIME's microseconds, exactly.
 */
export const LOT_SCRIPT = `
local lotKey, streamKey = KEYS[1], KEYS[2]
local op, lotId = ARGV[1], ARGV[2]
local null = cjson.null
local MAX_SAFE = 9007199254740991

local time = redis.call('TIME')
local micros = tonumber(time[2])
local now = tonumber(time[1]) * 1000 + (micros - micros % 1000) / 1000

-- JSON out, exactly --------------------------------------------------------------------------
local function num(n)
  if n ~= n or n == math.huge or n == -math.huge then return 'null' end
  if n == math.floor(n) and n > -9.2e18 and n < 9.2e18 then return string.format('%d', n) end
  return string.format('%.17g', n)
end
local function str(s) return cjson.encode(s) end
local function isNull(v) return v == nil or v == null end
local function opt(v, encode) if isNull(v) then return 'null' end return encode(v) end
local function bool(b) if b then return 'true' end return 'false' end

local function encodeLeader(l)
  return '{"paddle":' .. num(l.paddle) .. ',"max":' .. num(l.max) .. ',"seq":' .. num(l.seq) .. '}'
end
local function encodeLadder(ladder)
  local rows = {}
  for i, row in ipairs(ladder) do rows[i] = '[' .. num(row[1]) .. ',' .. num(row[2]) .. ']' end
  return '[' .. table.concat(rows, ',') .. ']'
end
local function encodeState(s)
  local r = s.rules
  return table.concat({
    '{"rules":{"format":', str(r.format),
    ',"startingPrice":', num(r.startingPrice),
    ',"reservePrice":', opt(r.reservePrice, num),
    ',"ladder":', encodeLadder(r.ladder),
    ',"softCloseMs":', num(r.softCloseMs),
    ',"liveCountdownMs":', num(r.liveCountdownMs),
    '},"phase":', str(s.phase),
    ',"opensAt":', num(s.opensAt),
    ',"closesAt":', num(s.closesAt),
    ',"price":', opt(s.price, num),
    ',"leader":', opt(s.leader, encodeLeader),
    ',"seq":', num(s.seq),
    ',"bidCount":', num(s.bidCount), '}'})
end
local function encodeEntry(e)
  return '{"seq":' .. num(e.seq) .. ',"paddle":' .. num(e.paddle) .. ',"amount":' .. num(e.amount)
    .. ',"kind":' .. str(e.kind) .. ',"at":' .. num(e.at) .. '}'
end
local function encodeOutbid(o)
  return '{"paddle":' .. num(o.paddle) .. ',"price":' .. num(o.price) .. ',"minNext":' .. num(o.minNext) .. '}'
end
local function encodeAccepted(o)
  local entries = {}
  for i, e in ipairs(o.entries) do entries[i] = encodeEntry(e) end
  return table.concat({
    '{"ok":true,"seq":', num(o.seq),
    ',"lastSeq":', num(o.lastSeq),
    ',"price":', num(o.price),
    ',"leader":', bool(o.leader),
    ',"leaderPaddle":', num(o.leaderPaddle),
    ',"closesAt":', num(o.closesAt),
    ',"reserveMet":', bool(o.reserveMet),
    ',"minNext":', num(o.minNext),
    ',"entries":[', table.concat(entries, ','), ']',
    ',"outbid":', opt(o.outbid, encodeOutbid), '}'})
end
local function refusal(code, message, minNext)
  local json = '{"ok":false,"code":' .. str(code) .. ',"message":' .. str(message)
  if minNext ~= nil then json = json .. ',"minNext":' .. num(minNext) end
  return json .. '}'
end
local function encodeEnd(e)
  return '{"outcome":' .. str(e.outcome) .. ',"price":' .. opt(e.price, num)
    .. ',"winnerPaddle":' .. opt(e.winnerPaddle, num) .. '}'
end

-- The model (libs/auction-rules) ----------------------------------------------------------------
local function increment(ladder, price)
  local step = nil
  for _, row in ipairs(ladder) do
    if row[1] <= price then step = row[2] end
  end
  if step == nil then error('no ladder row covers the price ' .. num(price)) end
  return step
end
local function minNext(s)
  if isNull(s.leader) or isNull(s.price) then return s.rules.startingPrice end
  return s.price + increment(s.rules.ladder, s.price)
end
local function reserveMet(s)
  if isNull(s.leader) then return false end
  local reserve = s.rules.reservePrice
  return isNull(reserve) or (not isNull(s.price) and s.price >= reserve)
end
local function isEnd(phase) return phase == 'sold' or phase == 'unsold' or phase == 'withdrawn' end
local function effectivePhase(s)
  if s.rules.format == 'live' then return s.phase end
  if s.phase ~= 'scheduled' and s.phase ~= 'open' then return s.phase end
  if now < s.opensAt then return 'scheduled' end
  if now < s.closesAt then return 'open' end
  if reserveMet(s) then return 'sold' end
  return 'unsold'
end
local function lotEnd(s)
  local phase = effectivePhase(s)
  if not isEnd(phase) then return null end
  if phase ~= 'sold' then return { outcome = phase, price = null, winnerPaddle = null } end
  return { outcome = phase, price = s.price, winnerPaddle = s.leader.paddle }
end
-- Number.isSafeInteger(n) and n >= least, of a number JavaScript wrote with String(n)
local function safeAtLeast(text, least)
  local n = tonumber(text)
  if n == nil or n ~= n or n < least or n > MAX_SAFE or n ~= math.floor(n) then return nil end
  return n
end

-- The lot, installed from the loader when missing ----------------------------------------------
local raw = redis.call('HGET', lotKey, 'state')
if not raw then
  if #ARGV < 10 then return { 'MISSING', num(now) } end
  raw = ARGV[10]
  local count = 0
  local i = 11
  while i < #ARGV do
    local fields = {}
    while i < #ARGV and #fields < 2000 do
      count = count + 1
      fields[#fields + 1] = 'bid:' .. ARGV[i]
      fields[#fields + 1] = ARGV[i + 1]
      fields[#fields + 1] = 'i:' .. num(count)
      fields[#fields + 1] = ARGV[i]
      i = i + 2
    end
    redis.call('HSET', lotKey, unpack(fields))
  end
  redis.call('HSET', lotKey, 'state', raw, 'gen', ARGV[9], 'n', num(count))
end
local s = cjson.decode(raw)

-- HMGET of any number of fields (unpack takes a few thousand at most)
local function hmget(names)
  local values = {}
  for start = 1, #names, 1000 do
    local chunk = {}
    for k = start, math.min(start + 999, #names) do chunk[#chunk + 1] = names[k] end
    local got = redis.call('HMGET', lotKey, unpack(chunk))
    for k = 1, #chunk do values[#values + 1] = got[k] end
  end
  return values
end

-- the reply, with the accepted bids the caller does not hold yet
local function reply(tag, json)
  local gen = redis.call('HGET', lotKey, 'gen')
  local count = tonumber(redis.call('HGET', lotKey, 'n'))
  local from = 1
  local known = tonumber(ARGV[8])
  if known == -1 then from = count + 1 -- the caller keeps no accepted bids: send none
  elseif gen == ARGV[7] and known ~= nil and known <= count then from = known + 1 end
  local delta = {}
  if from <= count then
    local indexes = {}
    for k = from, count do indexes[#indexes + 1] = 'i:' .. num(k) end
    local ids = hmget(indexes)
    local names = {}
    for k = 1, #ids do names[k] = 'bid:' .. ids[k] end
    local outcomes = hmget(names)
    for k = 1, #ids do
      delta[#delta + 1] = ids[k]
      delta[#delta + 1] = outcomes[k]
    end
  end
  return { tag, num(now), json, raw, gen, num(from), delta }
end

if op == 'state' then return reply('STATE', '') end

if op == 'control' then
  local action = ARGV[3]
  local phase = effectivePhase(s)
  local live = s.rules.format == 'live'
  local countdown = now + s.rules.liveCountdownMs
  local ends = false
  if live and action == 'open' and phase == 'scheduled' then
    s.phase = 'open'
    s.closesAt = countdown
  elseif live and action == 'pause' and phase == 'open' then
    s.phase = 'paused'
  elseif live and action == 'resume' and phase == 'paused' then
    s.phase = 'open'
    s.closesAt = countdown
  elseif live and action == 'going' and phase == 'open' then
    -- no change: the gateway announces it
  elseif live and action == 'hammer' and (phase == 'open' or phase == 'paused') then
    local given = ARGV[4] ~= ''
    local lastSeq = safeAtLeast(ARGV[4], 0)
    if given and lastSeq == nil then
      return reply('CONTROL', refusal('INVALID_INPUT', 'lastSeq must be a whole number of at least 0.'))
    end
    if (given and lastSeq < s.seq) or (not given and s.seq > 0) then
      return reply('CONTROL', refusal('CONFLICT', 'A newer bid exists.'))
    end
    if reserveMet(s) then s.phase = 'sold' else s.phase = 'unsold' end
    ends = true
  elseif action == 'withdraw' and not isEnd(phase) then
    s.phase = 'withdrawn'
    ends = true
  elseif isEnd(phase) then
    return reply('CONTROL', refusal('LOT_CLOSED', 'The lot has ended.'))
  else
    return reply('CONTROL', refusal('LOT_NOT_OPEN', 'The lot cannot ' .. action .. ' now.'))
  end
  raw = encodeState(s)
  redis.call('HSET', lotKey, 'state', raw)
  local theEnd = null
  if ends then theEnd = lotEnd(s) end
  return reply('CONTROL', '{"ok":true,"action":' .. str(action) .. ',"phase":' .. str(s.phase)
    .. ',"closesAt":' .. num(s.closesAt) .. ',"end":' .. opt(theEnd, encodeEnd) .. '}')
end

if op ~= 'place' then error('unknown op ' .. tostring(op)) end

-- 1. a retry returns the first outcome
local bidId = ARGV[3]
local first = redis.call('HGET', lotKey, 'bid:' .. bidId)
if first then return reply('REPLAY', first) end

-- 2. the phase at now
local phase = effectivePhase(s)
if phase == 'scheduled' then return reply('REFUSED', refusal('LOT_NOT_OPEN', 'The lot is not open yet.')) end
if phase == 'paused' then return reply('REFUSED', refusal('LOT_NOT_OPEN', 'The lot is paused.')) end
if phase ~= 'open' then return reply('REFUSED', refusal('LOT_CLOSED', 'The lot is closed.')) end

-- 3. the amounts
local paddle = tonumber(ARGV[4])
if paddle == nil then error('paddle must be a number') end
local amount = safeAtLeast(ARGV[5], 1)
local proxy = ARGV[6] ~= ''
local maxAmount = safeAtLeast(ARGV[6], 1)
if amount == nil or (proxy and (maxAmount == nil or maxAmount < amount)) then
  return reply('REFUSED', refusal('INVALID_INPUT',
    'Amounts must be whole fen above 0, and the maximum at least the amount.'))
end

-- 4. who leads, at what price
local rules = s.rules
local cap = amount
if proxy then cap = maxAmount end
local kind = 'manual'
if proxy then kind = 'proxy' end
local floor = minNext(s)
local former = s.leader
if isNull(former) then former = nil end
local function tooLow()
  return reply('REFUSED', refusal('BID_TOO_LOW', 'The bid must be at least ' .. num(floor) .. ' fen.', floor))
end
local function liftToReserve(price, leaderMax)
  local reserve = rules.reservePrice
  if not isNull(reserve) and price < reserve and leaderMax >= reserve then return reserve end
  return price
end

local seq = s.seq
local entries = {}
local function write(who, howMuch, entryKind)
  seq = seq + 1
  entries[#entries + 1] = { seq = seq, paddle = who, amount = howMuch, kind = entryKind, at = now }
  return seq
end

local price, leader, ownSeq
if former == nil then
  if amount < floor then return tooLow() end
  price = liftToReserve(amount, cap)
  ownSeq = write(paddle, price, kind)
  leader = { paddle = paddle, max = cap, seq = ownSeq }
else
  local current = s.price
  if isNull(current) then current = 0 end
  if former.paddle == paddle then
    -- the leader may only raise their own maximum
    if cap <= former.max or cap < floor then return tooLow() end
    price = liftToReserve(current, cap)
    ownSeq = write(paddle, price, 'proxy')
    leader = { paddle = paddle, max = cap, seq = ownSeq }
  elseif amount < floor then
    return tooLow()
  elseif cap > former.max then
    -- the higher maximum wins at the lower plus one step, capped at the higher
    local oneStepAbove = former.max + increment(rules.ladder, former.max)
    price = liftToReserve(math.max(amount, math.min(cap, oneStepAbove)), cap)
    if former.max > current then write(former.paddle, former.max, 'proxy') end
    ownSeq = write(paddle, price, kind)
    leader = { paddle = paddle, max = cap, seq = ownSeq }
  else
    -- the leader's proxy answers; on equal maxima the earlier one leads
    price = liftToReserve(math.min(former.max, cap + increment(rules.ladder, cap)), former.max)
    ownSeq = write(paddle, cap, kind)
    local leaderSeq = write(former.paddle, price, 'proxy')
    leader = { paddle = former.paddle, max = former.max, seq = leaderSeq }
  end
end

-- 6. soft close (timed) or the live countdown
local closesAt = s.closesAt
if rules.format == 'live' then
  closesAt = now + rules.liveCountdownMs
elseif closesAt - now <= rules.softCloseMs then
  closesAt = now + rules.softCloseMs
end

s.price = price
s.leader = leader
s.seq = seq
s.bidCount = seq
s.closesAt = closesAt
local nextMin = minNext(s)
local outbid = nil
if former ~= nil and former.paddle ~= leader.paddle then
  outbid = { paddle = former.paddle, price = price, minNext = nextMin }
end
local outcome = encodeAccepted({
  seq = ownSeq, lastSeq = seq, price = price, leader = leader.paddle == paddle,
  leaderPaddle = leader.paddle, closesAt = closesAt, reserveMet = reserveMet(s),
  minNext = nextMin, entries = entries, outbid = outbid })
local state = encodeState(s)
local count = redis.call('HINCRBY', lotKey, 'n', 1)
redis.call('HSET', lotKey, 'state', state, 'bid:' .. bidId, outcome, 'i:' .. num(count), bidId)
raw = state
local fields = { 'lotId', lotId, 'bidId', bidId, 'seq', num(ownSeq), 'lastSeq', num(seq) }
if proxy then
  fields[#fields + 1] = 'maxAmount'
  fields[#fields + 1] = num(maxAmount)
end
fields[#fields + 1] = 'outcome'
fields[#fields + 1] = outcome
fields[#fields + 1] = 'state'
fields[#fields + 1] = state
redis.call('XADD', streamKey, '*', unpack(fields))
return reply('ACCEPTED', outcome)
`;

/** A lot without its `accepted` map: what the script keeps in the hash's `state` field. */
export type LotCore = Omit<LotState, 'accepted'>;

/** One entry of a lot's stream of accepted bids (the outbox), as `readBidStreamEntry` reads it. */
export interface BidStreamEntry {
  /** The stream entry id. */
  id: string;
  lotId: string;
  bidId: string;
  maxAmount: number | null;
  outcome: BidOutcomeAccepted;
  /** The lot right after this bid. */
  state: LotCore;
}

type Reply = [
  tag: string,
  now: string,
  json: string,
  state: string,
  gen: string,
  from: string,
  delta: string[],
];

/** What a node holds of a lot's accepted bids, in the order they were accepted. */
interface AcceptedCache {
  /** The install of the lot they belong to. */
  gen: string;
  /** Never changed once made: a newer list replaces it. */
  entries: ReadonlyArray<[bidId: string, outcome: BidOutcomeAccepted]>;
}

/** Lots whose accepted bids a node keeps (the least recently updated are dropped). */
const CACHED_LOTS = 1_000;
/** How long an ended lot's keys stay in Redis (a day). */
export const RETIRED_TTL_MS = 24 * 60 * 60_000;

/** The script's ARGV[1] and ARGV[3…6] (ARGV[2] is the lot id). */
type ScriptArgs = [op: 'place' | 'control' | 'state', a: string, b: string, c: string, d: string];

// The script's JSON rebuilt in the model's shapes (key order included), whatever the source:
// the script's own encoder, or outcomes a loader brought from PostgreSQL (jsonb reorders keys).

function entryOf(entry: HistoryEntry): HistoryEntry {
  const { seq, paddle, amount, kind, at } = entry;
  return { seq, paddle, amount, kind, at };
}

function acceptedOf(outcome: BidOutcomeAccepted): BidOutcomeAccepted {
  const { outbid } = outcome;
  return {
    ok: true,
    seq: outcome.seq,
    lastSeq: outcome.lastSeq,
    price: outcome.price,
    leader: outcome.leader,
    leaderPaddle: outcome.leaderPaddle,
    closesAt: outcome.closesAt,
    reserveMet: outcome.reserveMet,
    minNext: outcome.minNext,
    entries: outcome.entries.map(entryOf),
    outbid: outbid ? { paddle: outbid.paddle, price: outbid.price, minNext: outbid.minNext } : null,
  };
}

function refusalOf(refusal: Refusal): Refusal {
  const { code, message, minNext } = refusal;
  return minNext === undefined
    ? { ok: false, code, message }
    : { ok: false, code, message, minNext };
}

function endOf(end: LotEnd | null): LotEnd | null {
  return end === null
    ? null
    : { outcome: end.outcome, price: end.price, winnerPaddle: end.winnerPaddle };
}

function controlOutcomeOf(result: ControlOutcome): ControlOutcome {
  if (!result.ok) return refusalOf(result);
  const { action, phase, closesAt } = result;
  return { ok: true, action, phase, closesAt, end: endOf(result.end) };
}

function coreOf(state: LotCore): LotCore {
  const { rules, leader } = state;
  return {
    rules: {
      format: rules.format,
      startingPrice: rules.startingPrice,
      reservePrice: rules.reservePrice,
      ladder: rules.ladder.map(([from, step]): [number, number] => [from, step]),
      softCloseMs: rules.softCloseMs,
      liveCountdownMs: rules.liveCountdownMs,
    },
    phase: state.phase,
    opensAt: state.opensAt,
    closesAt: state.closesAt,
    price: state.price,
    leader: leader === null ? null : { paddle: leader.paddle, max: leader.max, seq: leader.seq },
    seq: state.seq,
    bidCount: state.bidCount,
  };
}

/** A number as the script reads it: what JavaScript's String gives, or NaN for a non-number. */
function numberArg(value: unknown): string {
  return typeof value === 'number' ? String(value) : 'NaN';
}

/** Reads one entry of a lot's stream (`XRANGE` / `XREADGROUP` gives `[id, [field, value, …]]`). */
export function readBidStreamEntry(id: string, fields: string[]): BidStreamEntry {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i], fields[i + 1]);
  const field = (name: string): string => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`bid stream entry ${id} has no ${name}`);
    return value;
  };
  const maxAmount = values.get('maxAmount');
  return {
    id,
    lotId: field('lotId'),
    bidId: field('bidId'),
    maxAmount: maxAmount === undefined ? null : Number(maxAmount),
    outcome: acceptedOf(JSON.parse(field('outcome')) as BidOutcomeAccepted),
    state: coreOf(JSON.parse(field('state')) as LotCore),
  };
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/**
 * Bids judged in Redis (DESIGN §4): one Lua script checks and applies a bid with the server's
 * clock and appends it to the lot's stream, atomically, so any number of api nodes share a lot.
 * A lot missing from Redis (new, forgotten, or Redis restarted) is loaded from PostgreSQL and
 * installed by the next call of the script, unless another node installed it first.
 *
 * Each node keeps the accepted bids of the lots it serves and the script sends only those it
 * lacks, so a call costs Redis the same at the first bid and the thousandth; the node still
 * builds a fresh `accepted` record per answer, as the model does.
 */
export class RedisBidStore implements BidStore {
  readonly kind = 'redis';
  private sha: Promise<string> | null = null;
  private readonly loading = new Map<string, Promise<LotState>>();
  private readonly accepted = new Map<string, AcceptedCache>();

  /**
   * `trackAccepted`: keep every lot's accepted bids on this node, so that answers carry the whole
   * model state (the contract and differential tests compare it). Off in the api: nothing on the
   * bid path reads them, and under a burst each answer would carry the bids accepted since the
   * caller's last answer (megabytes a second on a hot lot).
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'kepai:',
    private readonly trackAccepted = false,
  ) {
    if (/[{}]/.test(prefix)) throw new RangeError('the key prefix must not hold { or }');
  }

  /** The lot's hash; `{lotId}` is the hash tag, so a lot's keys share a Redis Cluster slot. */
  lotKey(lotId: string): string {
    return `${this.prefix}lot:{${lotId}}`;
  }

  /** The lot's stream of accepted bids (the outbox). */
  streamKey(lotId: string): string {
    return `${this.prefix}bids:{${lotId}}`;
  }

  async now(): Promise<number> {
    const [seconds, micros] = await this.redis.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }

  async place(lotId: string, bid: Bid, load: LotLoader): Promise<PlaceResult> {
    const { tag, now, json, state } = await this.run(
      lotId,
      [
        'place',
        String(bid.bidId),
        numberArg(bid.paddle),
        numberArg(bid.amount),
        bid.maxAmount === undefined ? '' : numberArg(bid.maxAmount),
      ],
      load,
    );
    const raw = JSON.parse(json) as BidOutcome;
    return {
      outcome: raw.ok ? acceptedOf(raw) : refusalOf(raw),
      state,
      now,
      replay: tag === 'REPLAY',
    };
  }

  async control(lotId: string, command: ControlCommand, load: LotLoader): Promise<ControlResultAt> {
    const { now, json, state } = await this.run(
      lotId,
      [
        'control',
        String(command.action),
        command.lastSeq === undefined ? '' : numberArg(command.lastSeq),
        '',
        '',
      ],
      load,
    );
    return { result: controlOutcomeOf(JSON.parse(json) as ControlOutcome), state, now };
  }

  async state(lotId: string, load: LotLoader): Promise<{ state: LotState; now: number }> {
    const { now, state } = await this.run(lotId, ['state', '', '', '', ''], load);
    return { state, now };
  }

  async forget(lotId: string): Promise<void> {
    this.accepted.delete(lotId);
    await this.redis.del(this.lotKey(lotId));
  }

  /**
   * Lets an ended lot's hash expire after RETIRED_TTL_MS; from PostgreSQL it is rebuilt, retired
   * again, if anyone asks for it afterwards. The lot's stream is left to `expireDrained`: it may
   * still hold entries on their way to PostgreSQL, and those are never let go.
   */
  async retire(lotId: string): Promise<void> {
    this.accepted.delete(lotId);
    await this.redis.pexpire(this.lotKey(lotId), RETIRED_TTL_MS);
  }

  /**
   * Lets an ended lot's stream expire once nothing is left in it (the outbox deletes what
   * PostgreSQL holds), in one step so that an entry can never be in an expiring stream.
   */
  async expireDrained(lotId: string): Promise<boolean> {
    const expiring = await this.redis.eval(
      `if redis.call('XLEN', KEYS[1]) == 0 then return redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
       return 0`,
      1,
      this.streamKey(lotId),
      String(RETIRED_TTL_MS),
    );
    return expiring === 1;
  }

  /** Runs the script; when the lot is missing, loads it and runs it again, installing it. */
  private async run(
    lotId: string,
    args: ScriptArgs,
    load: LotLoader,
  ): Promise<{ tag: string; now: number; json: string; state: LotState }> {
    let held = this.accepted.get(lotId);
    let reply = await this.script(lotId, args, held);
    if (reply[0] === 'MISSING') {
      const loaded = await this.load(lotId, load);
      held = this.accepted.get(lotId);
      reply = await this.script(lotId, args, held, installArgs(loaded));
      if (reply[0] === 'MISSING') throw new Error(`lot ${lotId} could not be installed in Redis`);
      // an ended lot read again after its keys expired: let them expire again
      if (isEndPhase(loaded.phase)) await this.retire(lotId);
    }
    const [tag, now, json] = reply;
    return { tag, now: Number(now), json, state: this.assemble(lotId, held, reply) };
  }

  /**
   * The lot from the script's reply: its state, and its accepted bids from what this node held
   * when it called (`held`) followed by those the reply brought.
   */
  private assemble(lotId: string, held: AcceptedCache | undefined, reply: Reply): LotState {
    const [, , , stateJson, gen, fromText, delta] = reply;
    if (!this.trackAccepted) {
      const untracked = coreOf(JSON.parse(stateJson) as LotCore) as LotState;
      Object.defineProperty(untracked, 'accepted', {
        enumerable: false,
        get: () => {
          throw new Error('RedisBidStore: accepted bids are tracked only with trackAccepted');
        },
      });
      return untracked;
    }
    const from = Number(fromText);
    const heldEntries = held !== undefined && held.gen === gen ? held.entries : [];
    const base =
      heldEntries.length === from - 1 ? heldEntries : heldEntries.slice(0, Math.max(0, from - 1));
    if (base.length !== from - 1) throw new Error(`lot ${lotId}: accepted bids out of step`);
    const fresh: Array<[string, BidOutcomeAccepted]> = [];
    for (let i = 0; i + 1 < delta.length; i += 2)
      fresh.push([delta[i], acceptedOf(JSON.parse(delta[i + 1]) as BidOutcomeAccepted)]);
    const entries = fresh.length === 0 ? base : base.concat(fresh);
    const cached = this.accepted.get(lotId);
    if (cached === undefined || cached.gen !== gen || cached.entries.length < entries.length) {
      this.accepted.delete(lotId);
      this.accepted.set(lotId, { gen, entries });
      if (this.accepted.size > CACHED_LOTS) {
        const oldest = this.accepted.keys().next();
        if (oldest.done !== true) this.accepted.delete(oldest.value);
      }
    }
    // the accepted map grows with every bid and the bid path never reads it: it is built only
    // when something does (a test comparing with the model), so a bid costs the same at seq 10
    // as at seq 10,000
    const state = coreOf(JSON.parse(stateJson) as LotCore) as LotState;
    let accepted: LotState['accepted'] | undefined;
    Object.defineProperty(state, 'accepted', {
      enumerable: true,
      configurable: true,
      get: () => (accepted ??= Object.fromEntries(entries)),
    });
    return state;
  }

  /** One load per lot at a time on this node: a burst of bids on a cold lot reads it once. */
  private load(lotId: string, load: LotLoader): Promise<LotState> {
    let pending = this.loading.get(lotId);
    if (pending === undefined) {
      pending = load().finally(() => this.loading.delete(lotId));
      this.loading.set(lotId, pending);
    }
    return pending;
  }

  private async script(
    lotId: string,
    args: ScriptArgs,
    held: AcceptedCache | undefined,
    install: string[] = [],
  ): Promise<Reply> {
    const keys = [this.lotKey(lotId), this.streamKey(lotId)];
    const [op, ...rest] = args;
    const hint = !this.trackAccepted
      ? ['', '-1']
      : held === undefined
        ? ['', '0']
        : [held.gen, String(held.entries.length)];
    const argv = [op, lotId, ...rest, ...hint, ...install];
    try {
      return (await this.redis.evalsha(await this.loadScript(), 2, ...keys, ...argv)) as Reply;
    } catch (error) {
      if (!isNoScript(error)) throw error;
      // Redis lost its script cache (restart, failover, SCRIPT FLUSH): load it again, once
      this.sha = null;
      return (await this.redis.evalsha(await this.loadScript(), 2, ...keys, ...argv)) as Reply;
    }
  }

  private loadScript(): Promise<string> {
    this.sha ??= (this.redis.script('LOAD', LOT_SCRIPT) as Promise<string>).catch(
      (error: unknown) => {
        this.sha = null;
        throw error;
      },
    );
    return this.sha;
  }
}

/** The script's ARGV[9…]: a new install token, the lot's state, its accepted bids in seq order. */
function installArgs(state: LotState): string[] {
  const { accepted, ...core } = state;
  const args = [randomUUID(), JSON.stringify(coreOf(core))];
  const inOrder = Object.entries(accepted).sort(([, a], [, b]) => a.seq - b.seq);
  for (const [bidId, outcome] of inOrder) args.push(bidId, JSON.stringify(acceptedOf(outcome)));
  return args;
}
