// The one place toolkit payloads are read. Everything arrives as `unknown`; only own properties are read
// (an inherited or polluted prototype never leaks in) and only primitives are copied out.
import { AUTO_ID_PREFIX } from './transcriptLog';
import { TOOLKIT_EVENT_NAMES } from './types';
import type {
    AudioStatsChannel,
    AudioStatsReading,
    CallType,
    CategorySignal,
    ParsedEvent,
    ParsedMessage,
    Rejection,
    SenderRole,
    SentimentSignal,
    ToolkitEventName
} from './types';

const MAX_ID_LENGTH = 256;
const MAX_NAME_LENGTH = 256;
/** Longer utterances are cut: a 10-hour shift of 100k-char payloads must not exhaust memory. */
export const MAX_TEXT_LENGTH = 10000;
/** More signal entries than this in one event are skipped (a vendor burst, not a conversation). */
const MAX_SIGNALS_PER_EVENT = 1000;
const SENTIMENT_LIMIT = 1000;
const SCORE_LIMIT = 1000;

const EVENT_NAMES: ReadonlySet<string> = new Set(TOOLKIT_EVENT_NAMES);

/**
 * Sender roles vary by vendor and org; compared without case or separators. The toolkit tables name
 * "Agent" and "Supervisor"; the Create a Transcript API's `senderType` (Telephony Integration API,
 * chapter 3) names END_USER, EXTERNAL_USER, HUMAN_AGENT, SUPERVISOR and VIRTUAL_AGENT; the connector SDK
 * adds SYSTEM and CHATBOT. A virtual agent or chatbot is a bot, never the customer.
 */
const ROLE_ALIASES: ReadonlyMap<string, SenderRole> = new Map<string, SenderRole>([
    ['agent', 'Agent'],
    ['humanagent', 'Agent'],
    ['supervisor', 'Supervisor'],
    ['enduser', 'Customer'],
    ['customer', 'Customer'],
    ['caller', 'Customer'],
    ['contact', 'Customer'],
    ['externaluser', 'Customer'],
    ['virtualagent', 'Bot'],
    ['chatbot', 'Bot'],
    ['bot', 'Bot'],
    ['system', 'System']
]);

type Bag = Readonly<Record<string, unknown>>;

function isBag(value: unknown): value is Bag {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(bag: Bag, key: string): unknown {
    return Object.hasOwn(bag, key) ? bag[key] : undefined;
}

function isEventName(type: string): type is ToolkitEventName {
    return EVENT_NAMES.has(type);
}

/** Non-empty trimmed string (or a finite number as text) up to `max` characters, else null. */
function readId(value: unknown, max = MAX_ID_LENGTH): string | null {
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
    if (typeof value !== 'string' || value.length > max * 4) return null;
    const trimmed = value.trim();
    return trimmed.length > 0 && trimmed.length <= max ? trimmed : null;
}

/** Finite number, or a string holding one (payloads from some orgs send numbers as text). */
export function readNumber(value: unknown): number | null {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value !== 'string' || value.length === 0 || value.length > 32) return null;
    const trimmed = value.trim();
    if (trimmed.length === 0) return null;
    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : null;
}

/** The range a JavaScript Date can represent; beyond it every date formatter throws. */
const MAX_EPOCH_MS = 8.64e15;

/** A timestamp (ms, or s for some signal payloads): a number a Date can hold, else null. */
export function readTimestamp(value: unknown): number | null {
    const parsed = readNumber(value);
    return parsed === null || Math.abs(parsed) > MAX_EPOCH_MS ? null : parsed;
}

function readCount(value: unknown): number | null {
    const parsed = readNumber(value);
    return parsed === null || parsed < 0 ? null : parsed;
}

/** A high surrogate at the end of a cut would leave half a character (a broken emoji) behind. */
function cutAt(value: string, max: number): string {
    const code = value.charCodeAt(max - 1);
    return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function readText(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    return value.length > MAX_TEXT_LENGTH ? `${cutAt(value, MAX_TEXT_LENGTH)}…` : value;
}

function readName(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const trimmed = value.slice(0, MAX_NAME_LENGTH * 4).trim();
    return trimmed.length === 0 ? null : trimmed.slice(0, MAX_NAME_LENGTH);
}

function readFlag(value: unknown): boolean {
    return value === true || value === 'true';
}

export function clamp(value: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, value));
}

/** Maps a sender role to Agent / Supervisor / Customer (end-user spellings) / Unknown. */
export function normalizeRole(raw: unknown): SenderRole {
    if (typeof raw !== 'string' || raw.length > MAX_NAME_LENGTH) return 'Unknown';
    return ROLE_ALIASES.get(raw.toLowerCase().replace(/[\s_-]/g, '')) ?? 'Unknown';
}

function rejection(type: string, reason: string): Rejection {
    return Object.freeze({ ok: false, type, reason });
}

function readCallType(value: unknown): CallType | null {
    if (typeof value !== 'string') return null;
    const lower = value.trim().toLowerCase();
    return lower === 'inbound' || lower === 'outbound' ? lower : null;
}

/** Payload ids in the model's generated-id namespace are dropped (deduped by content instead). */
function readMessageId(value: unknown): string | null {
    const id = readId(value);
    return id === null || id.startsWith(AUTO_ID_PREFIX) ? null : id;
}

function readMessage(detail: Bag): ParsedMessage {
    const sender = own(detail, 'sender');
    const content = own(detail, 'content');
    const rawRole = isBag(sender) ? own(sender, 'role') : undefined;
    const roleText = typeof rawRole === 'string' ? rawRole.slice(0, MAX_NAME_LENGTH) : '';
    return {
        id: readMessageId(own(detail, 'id')) ?? readMessageId(own(detail, 'messageId')),
        role: normalizeRole(rawRole),
        rawRole: roleText,
        displayName: isBag(sender) ? readName(own(sender, 'displayName')) : null,
        text: isBag(content) ? readText(own(content, 'text')) : readText(own(detail, 'text')),
        serverTimestamp: readTimestamp(own(detail, 'serverReceivedTimestamp')),
        clientTimestamp: readTimestamp(own(detail, 'clientSentTimestamp')),
        partial: readFlag(own(detail, 'partial')) || readFlag(own(detail, 'isPartial'))
    };
}

function parseConversation(
    type: 'transcript' | 'flagraise' | 'flaglower' | 'note',
    callId: string,
    detail: Bag
): ParsedEvent | Rejection {
    const message = readMessage(detail);
    const needsText = type === 'transcript' || type === 'note';
    if (needsText && (message.text === null || message.text.trim().length === 0)) {
        return rejection(type, 'missingText');
    }
    return { ok: true, type, callId, message };
}

/**
 * The signal type, spelling-insensitive: the Send a Real-Time Conversation Event tables spell
 * `IntelligenceSignalCategory` / `IntelligenceSignalSentiment`, the same section's request examples spell
 * `IntelligenceSignal__Category` / `IntelligenceSignal__Sentiment`. Both are documented, so both count.
 */
function signalKind(value: unknown): 'category' | 'sentiment' | null {
    if (typeof value !== 'string' || value.length > MAX_NAME_LENGTH) return null;
    const folded = value.toLowerCase().replace(/[^a-z]/g, '');
    if (folded === 'intelligencesignalcategory') return 'category';
    return folded === 'intelligencesignalsentiment' ? 'sentiment' : null;
}

/**
 * The Aura toolkit table types `event.value` as an object without naming its fields; the REST tables type it
 * as a string. An object is read through its own `value` (or `name`) field; anything else is not documented.
 */
function signalValue(value: unknown): unknown {
    if (!isBag(value)) return value;
    const inner = own(value, 'value');
    return inner !== undefined ? inner : own(value, 'name');
}

function parseSignalEntry(
    entry: unknown,
    categories: CategorySignal[],
    sentiments: SentimentSignal[]
): boolean {
    if (!isBag(entry)) return false;
    const kind = signalKind(own(entry, 'type'));
    const startTime = readTimestamp(own(entry, 'startTime'));
    if (startTime === null) return false;
    const participant = readName(own(entry, 'participant'));
    const rawValue = signalValue(own(entry, 'value'));
    if (kind === 'category') {
        const value = readName(rawValue);
        if (value === null) return false;
        const score = readNumber(own(entry, 'score'));
        const endTime = readTimestamp(own(entry, 'endTime'));
        const category: CategorySignal = {
            value,
            score: score === null ? null : clamp(score, 0, SCORE_LIMIT),
            startTime,
            ...(endTime === null ? {} : { endTime }),
            ...(participant === null ? {} : { participant })
        };
        categories.push(category);
        return true;
    }
    if (kind === 'sentiment') {
        const value = readNumber(rawValue);
        if (value === null) return false;
        sentiments.push({
            participant: participant ?? 'Unknown',
            time: startTime,
            value: clamp(value, -SENTIMENT_LIMIT, SENTIMENT_LIMIT)
        });
        return true;
    }
    return false;
}

function parseSignals(detail: Bag): ParsedEvent | Rejection {
    const rawCallId = own(detail, 'callId');
    const callId = readId(rawCallId);
    if (rawCallId !== undefined && rawCallId !== null && callId === null) {
        return rejection('intelligencesignal', 'invalidCallId');
    }
    const events = own(detail, 'events');
    if (!Array.isArray(events)) return rejection('intelligencesignal', 'missingEvents');
    const categories: CategorySignal[] = [];
    const sentiments: SentimentSignal[] = [];
    const limit = Math.min(events.length, MAX_SIGNALS_PER_EVENT);
    let skipped = events.length - limit;
    for (let i = 0; i < limit; i++) {
        if (!parseSignalEntry(events[i], categories, sentiments)) skipped++;
    }
    if (categories.length === 0 && sentiments.length === 0) {
        return rejection('intelligencesignal', 'noValidSignals');
    }
    return { ok: true, type: 'intelligencesignal', callId, categories, sentiments, skipped };
}

function readSample(bag: Bag): AudioStatsReading {
    return {
        packetsLost: readCount(own(bag, 'packetsLost')),
        packetsCount: readCount(own(bag, 'packetsCount')),
        jitterBufferMillis: readCount(own(bag, 'jitterBufferMillis')),
        roundTripTimeMillis: readCount(own(bag, 'roundTripTimeMillis')),
        statsCount: readCount(own(bag, 'statsCount'))
    };
}

const CHANNELS: readonly AudioStatsChannel[] = ['inputChannelStats', 'outputChannelStats'];

/**
 * Two shapes: the toolkit tables' flat one (`stats` names the channel, the counters sit next to it) and the
 * connector SDK's nested one (`stats: [{ inputChannelStats: {…}, outputChannelStats: {…} }]`, as
 * `publishEvent` of `@salesforce/scv-connector-base` sends it). The newest entry of the array wins.
 */
function parseAudioStats(callId: string, detail: Bag): ParsedEvent | Rejection {
    const stats = own(detail, 'stats');
    if (stats === 'inputChannelStats' || stats === 'outputChannelStats') {
        return { ok: true, type: 'audiostats', callId, samples: { [stats]: readSample(detail) } };
    }
    if (!Array.isArray(stats)) return rejection('audiostats', 'invalidStats');
    const samples: Partial<Record<AudioStatsChannel, AudioStatsReading>> = {};
    for (const entry of stats.slice(-MAX_SIGNALS_PER_EVENT)) {
        if (!isBag(entry)) continue;
        for (const channel of CHANNELS) {
            const bag = own(entry, channel);
            if (isBag(bag)) samples[channel] = readSample(bag);
        }
    }
    return Object.keys(samples).length === 0
        ? rejection('audiostats', 'invalidStats')
        : { ok: true, type: 'audiostats', callId, samples };
}

function parseKnown(type: ToolkitEventName, detail: unknown): ParsedEvent | Rejection {
    if (!isBag(detail)) return rejection(type, 'detailNotObject');
    if (type === 'intelligencesignal') return parseSignals(detail);
    const callId = readId(own(detail, 'callId'));
    if (callId === null) return rejection(type, 'missingCallId');
    switch (type) {
        case 'callstarted':
        case 'callconnected':
            return {
                ok: true,
                type,
                callId,
                callType: readCallType(own(detail, 'callType')),
                participant: readId(own(detail, 'participant'))
            };
        case 'hold':
        case 'resume':
        case 'participantadded':
        case 'participantremoved': {
            const participant = readId(own(detail, 'participant'));
            return participant === null
                ? rejection(type, 'missingParticipant')
                : { ok: true, type, callId, participant };
        }
        case 'transcript':
        case 'flagraise':
        case 'flaglower':
        case 'note':
            return parseConversation(type, callId, detail);
        case 'audiostats':
            return parseAudioStats(callId, detail);
        default:
            return { ok: true, type, callId };
    }
}

/**
 * Turns one toolkit event into a typed event or a rejection with a reason code. Never throws (a payload
 * whose getters throw is rejected as `unreadable`), never mutates `detail`, never returns a reference to it.
 */
export function parseToolkitEvent(type: string, detail: unknown): ParsedEvent | Rejection {
    if (typeof type !== 'string' || !isEventName(type)) return rejection('unknown', 'unknownEventType');
    try {
        return parseKnown(type, detail);
    } catch {
        return rejection(type, 'unreadable');
    }
}
