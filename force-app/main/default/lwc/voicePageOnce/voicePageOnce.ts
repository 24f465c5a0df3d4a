/**
 * Page-wide "only once" for side effects that every panel instance would otherwise repeat (a toast for a
 * supervisor's note, an announcement for a lowered flag). LWC modules are singletons per page, so the
 * module-level set is shared by every component on it. Bounded so a whole shift cannot grow it forever.
 */
const MAX_KEYS = 2000;
const claimed = new Set<string>();

/** True for the first caller of `key` on this page, false for every later one. */
export function claimOnce(key: string): boolean {
    if (claimed.has(key)) return false;
    claimed.add(key);
    if (claimed.size > MAX_KEYS) {
        const oldest = claimed.values().next().value;
        if (oldest !== undefined) claimed.delete(oldest);
    }
    return true;
}

/** Test and workbench hook: forget every claim. */
export function resetClaims(): void {
    claimed.clear();
}
