/**
 * Which toolkit events belong to this component's call. The softphone delivers every event to every
 * toolkit element on the page, so a VoiceCall record page open in several console tabs would otherwise
 * follow whichever call spoke last. The filter is the explicit `vendorCallKey`, else the record's
 * `VendorCallKey`; without either every event belongs.
 *
 * It judges what the call model made of an event (the snapshot `applyEvent` returns), never the raw
 * `detail.callId`: a numeric id, or one whose getter throws, cannot take a record's page over, because the
 * parser reads the payload once and safely.
 */

/** VoiceCall ids start with this key prefix; other record pages do not filter by call. */
const VOICE_CALL_KEY_PREFIX = '0LQ';

/** The call a snapshot follows (`null` before any call). */
export interface FollowedCall {
    readonly callId: string | null;
}

export function trimmedOrUndefined(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a record id names a VoiceCall (its key prefix), i.e. the page follows that one call. */
export function isVoiceCallId(recordId: unknown): boolean {
    return typeof recordId === 'string' && recordId.trim().startsWith(VOICE_CALL_KEY_PREFIX);
}

/** The record id when it names a VoiceCall (trimmed), else undefined: only those pages read a call key. */
export function voiceCallIdOf(recordId: unknown): string | undefined {
    const id = trimmedOrUndefined(recordId);
    return id !== undefined && isVoiceCallId(id) ? id : undefined;
}

export class CallFilter {
    private explicit: string | undefined;
    private fromRecord: string | undefined;
    private applied: string | undefined;

    /** The explicit key as set (trimmed), whatever the record says. */
    get explicitKey(): string | undefined {
        return this.explicit;
    }

    /** The key events are filtered by now, if any. */
    get key(): string | undefined {
        return this.applied;
    }

    /** Sets the explicit key (wins over the record's); true when the filter changed. */
    setExplicitKey(value: unknown): boolean {
        this.explicit = trimmedOrUndefined(value);
        return this.reapply();
    }

    /** Sets the record's `VendorCallKey` (undefined when the record is unreadable); true when the filter changed. */
    setRecordKey(value: unknown): boolean {
        this.fromRecord = trimmedOrUndefined(value);
        return this.reapply();
    }

    /**
     * Whether a snapshot belongs here: no filter, no call yet, or the filtered call. Events of this very call
     * that arrived before the filter was known (the VoiceCall record loads after the first events) belong too.
     */
    follows(snapshot: FollowedCall): boolean {
        const key = this.applied;
        return key === undefined || snapshot.callId === null || snapshot.callId === key;
    }

    private reapply(): boolean {
        const next = this.explicit ?? this.fromRecord;
        if (next === this.applied) return false;
        this.applied = next;
        return true;
    }
}
