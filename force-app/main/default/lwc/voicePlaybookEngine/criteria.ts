// Criteria such as `1 AND (2 OR 3)`: numbered conditions combined with AND, OR, NOT and parentheses,
// the filter-logic form ConvIntelligenceSignalRule.Criteria and report filters use. Mixing AND and OR at
// one level without parentheses is rejected rather than given a precedence admins would have to guess.
// Pure; never throws.

export type CriteriaNode =
    | { readonly op: 'num'; readonly n: number }
    | { readonly op: 'not'; readonly arg: CriteriaNode }
    | { readonly op: 'and' | 'or'; readonly args: readonly CriteriaNode[] };

export type CriteriaResult =
    | { readonly ok: true; readonly node: CriteriaNode; readonly numbers: readonly number[] }
    | { readonly ok: false; readonly reason: string };

const MAX_LENGTH = 255;
const MAX_DEPTH = 32;

type Token = string;

function tokenize(text: string): Token[] | string {
    const tokens: Token[] = [];
    const re = /\s*(\d+|\(|\)|[A-Za-z]+|\S)/y;
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null) {
        const token = match[1].toUpperCase();
        if (!/^(\d{1,2}|\(|\)|AND|OR|NOT)$/.test(token)) return `unexpected "${match[1].slice(0, 20)}"`;
        tokens.push(token);
    }
    return tokens;
}

class Parser {
    private index = 0;
    constructor(private readonly tokens: Token[]) {}

    parse(): CriteriaNode | string {
        const node = this.expression(0);
        if (typeof node === 'string') return node;
        return this.index < this.tokens.length ? `unexpected "${this.tokens[this.index]}"` : node;
    }

    private expression(depth: number): CriteriaNode | string {
        if (depth > MAX_DEPTH) return 'nested too deeply';
        const first = this.unary(depth);
        if (typeof first === 'string') return first;
        const args = [first];
        let op: 'AND' | 'OR' | null = null;
        while (this.peek() === 'AND' || this.peek() === 'OR') {
            const next = this.tokens[this.index++] as 'AND' | 'OR';
            if (op !== null && next !== op) return 'AND and OR mixed without parentheses';
            op = next;
            const arg = this.unary(depth);
            if (typeof arg === 'string') return arg;
            args.push(arg);
        }
        return op === null ? first : { op: op === 'AND' ? 'and' : 'or', args };
    }

    private unary(depth: number): CriteriaNode | string {
        const token = this.tokens[this.index++];
        if (token === undefined) return 'ends too early';
        if (token === 'NOT') {
            const arg = this.unary(depth + 1);
            return typeof arg === 'string' ? arg : { op: 'not', arg };
        }
        if (token === '(') {
            const inner = this.expression(depth + 1);
            if (typeof inner === 'string') return inner;
            if (this.tokens[this.index++] !== ')') return 'missing ")"';
            return inner;
        }
        if (/^\d+$/.test(token) && Number(token) > 0) return { op: 'num', n: Number(token) };
        return `unexpected "${token}"`;
    }

    private peek(): Token | undefined {
        return this.tokens[this.index];
    }
}

function collect(node: CriteriaNode, out: Set<number>): void {
    if (node.op === 'num') out.add(node.n);
    else if (node.op === 'not') collect(node.arg, out);
    else node.args.forEach((arg) => collect(arg, out));
}

/** Parses criteria text; the numbers it uses are returned sorted. */
export function parseCriteria(text: string): CriteriaResult {
    if (text.length > MAX_LENGTH) return { ok: false, reason: `longer than ${MAX_LENGTH} characters` };
    const tokens = tokenize(text);
    if (typeof tokens === 'string') return { ok: false, reason: tokens };
    if (tokens.length === 0) return { ok: false, reason: 'empty' };
    const node = new Parser(tokens).parse();
    if (typeof node === 'string') return { ok: false, reason: node };
    const numbers = new Set<number>();
    collect(node, numbers);
    return { ok: true, node, numbers: [...numbers].sort((a, b) => a - b) };
}

/** Evaluates a parsed tree; `truth(n)` is condition n's result (called lazily, short-circuiting). */
export function evaluateCriteria(node: CriteriaNode, truth: (n: number) => boolean): boolean {
    switch (node.op) {
        case 'num':
            return truth(node.n);
        case 'not':
            return !evaluateCriteria(node.arg, truth);
        case 'and':
            return node.args.every((arg) => evaluateCriteria(arg, truth));
        default:
            return node.args.some((arg) => evaluateCriteria(arg, truth));
    }
}

/** The default when an admin leaves criteria blank: every condition must match. */
export function allOf(numbers: readonly number[]): CriteriaNode {
    return { op: 'and', args: numbers.map((n) => ({ op: 'num', n }) as const) };
}
