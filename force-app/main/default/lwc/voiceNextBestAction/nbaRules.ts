// Admin rules for Next Best Action: `keyword=>intent` pairs separated by `;` (or new lines). A rule fires
// when a customer utterance contains the keyword as a whole word (any case) or when an intelligence
// signal category equals it (any case). Pure; the panel decides when to evaluate.
import { escapeRegExp, sortedEntriesKey } from 'c/voiceUtil';

export interface NbaRule {
    /** As the admin wrote it (trimmed), shown as the request's source. */
    readonly keyword: string;
    readonly intent: string;
    readonly pattern: RegExp;
}

export interface RuleProblem {
    /** 1-based position of the rule in the attribute. */
    readonly position: number;
    readonly text: string;
    readonly kind: 'invalid' | 'duplicate';
}

export interface ParsedRules {
    readonly rules: readonly NbaRule[];
    readonly problems: readonly RuleProblem[];
}

const MAX_RULES = 100;
const MAX_KEYWORD = 80;
const MAX_INTENT = 255;
const RULE = /^(.+?)\s*=>\s*(.+)$/;
const KEYWORD_CHARS = /^[\p{L}\p{N}_' -]+$/u;

function wordPattern(keyword: string): RegExp {
    const words = keyword.split(/\s+/).map(escapeRegExp).join('\\s+');
    return new RegExp(`(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`, 'iu');
}

/** Parses the `rules` design attribute; invalid or duplicate rules are reported and left out. */
export function parseRules(source: string | null | undefined): ParsedRules {
    const rules: NbaRule[] = [];
    const problems: RuleProblem[] = [];
    const seen = new Set<string>();
    const parts = (source ?? '')
        .split(/[;\n]/)
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .slice(0, MAX_RULES);
    parts.forEach((text, index) => {
        const position = index + 1;
        const match = RULE.exec(text);
        const keyword = match?.[1].trim() ?? '';
        const intent = match?.[2].trim() ?? '';
        const valid =
            keyword !== '' &&
            keyword.length <= MAX_KEYWORD &&
            KEYWORD_CHARS.test(keyword) &&
            intent !== '' &&
            intent.length <= MAX_INTENT &&
            !intent.includes('=>');
        if (!valid) {
            problems.push({ position, text, kind: 'invalid' });
            return;
        }
        const folded = keyword.toLowerCase();
        if (seen.has(folded)) {
            problems.push({ position, text, kind: 'duplicate' });
            return;
        }
        seen.add(folded);
        rules.push(Object.freeze({ keyword, intent, pattern: wordPattern(keyword) }));
    });
    return Object.freeze({ rules: Object.freeze(rules), problems: Object.freeze(problems) });
}

/** Rules whose keyword occurs as a whole word in `text`. */
export function rulesForUtterance(rules: readonly NbaRule[], text: string): NbaRule[] {
    return rules.filter((rule) => rule.pattern.test(text));
}

/** Rules whose keyword names this signal category. */
export function rulesForCategory(rules: readonly NbaRule[], category: string): NbaRule[] {
    const folded = category.trim().toLowerCase();
    return rules.filter((rule) => rule.keyword.toLowerCase() === folded);
}

/** Stable identity of a params map (key order does not matter). */
export function paramsKey(params: Readonly<Record<string, string>>): string {
    return sortedEntriesKey(params);
}
