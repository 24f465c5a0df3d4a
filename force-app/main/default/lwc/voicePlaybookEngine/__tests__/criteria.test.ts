import fc from 'fast-check';
import { evaluateCriteria, parseCriteria } from 'c/voicePlaybookEngine';
import type { CriteriaNode } from 'c/voicePlaybookEngine';

// One seed, so CI runs the same cases every time; set FC_SEED to explore others locally.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261202) });

/** Reference semantics written independently of the parser: a fully parenthesised printer + evaluator. */
type Tree = { n: number } | { not: Tree } | { and: Tree[] } | { or: Tree[] };

function print(tree: Tree): string {
    if ('n' in tree) return String(tree.n);
    if ('not' in tree) return `NOT (${print(tree.not)})`;
    const [op, args] = 'and' in tree ? ['AND', tree.and] : ['OR', tree.or];
    return args.map((arg) => `(${print(arg)})`).join(` ${op} `);
}

function reference(tree: Tree, truth: (n: number) => boolean): boolean {
    if ('n' in tree) return truth(tree.n);
    if ('not' in tree) return !reference(tree.not, truth);
    if ('and' in tree) return tree.and.every((arg) => reference(arg, truth));
    return tree.or.some((arg) => reference(arg, truth));
}

const treeArbitrary: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 1, max: 9 }).map((n) => ({ n })),
        tie('node').map((t) => ({ not: t })),
        fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((a) => ({ and: a })),
        fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((a) => ({ or: a }))
    )
})).node;

function parsed(text: string): CriteriaNode {
    const result = parseCriteria(text);
    if (!result.ok) throw new Error(`${text}: ${result.reason}`);
    return result.node;
}

describe('criteria', () => {
    it('parses the documented example and evaluates it', () => {
        const node = parsed('1 AND (2 OR 3)');
        expect(evaluateCriteria(node, (n) => n !== 2)).toBe(true);
        expect(evaluateCriteria(node, (n) => n === 1)).toBe(false);
        expect(parseCriteria('1 and (2 or not 3)')).toMatchObject({ ok: true, numbers: [1, 2, 3] });
    });

    it.each([
        ['', 'empty'],
        ['1 AND 2 OR 3', 'AND and OR mixed without parentheses'],
        ['1 AND', 'ends too early'],
        ['(1 OR 2', 'missing ")"'],
        ['1 2', 'unexpected "2"'],
        ['1 XOR 2', 'unexpected "XOR"'],
        ['0', 'unexpected "0"'],
        ['100', 'unexpected "100"'],
        ['1 & 2', 'unexpected "&"'],
        ['x'.repeat(256), 'longer than 255 characters'],
        [`${'('.repeat(40)}1${')'.repeat(40)}`, 'nested too deeply']
    ])('rejects %p: %s', (text, reason) => {
        expect(parseCriteria(text)).toEqual({ ok: false, reason });
    });

    it('never throws on arbitrary text', () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 80 }), (text) => {
                const result = parseCriteria(text);
                expect(typeof result.ok).toBe('boolean');
            })
        );
        fc.assert(
            fc.property(
                fc.array(fc.constantFrom('1', '2', '(', ')', 'AND', 'OR', 'NOT', ' '), { maxLength: 30 }),
                (parts) => {
                    expect(typeof parseCriteria(parts.join(' ')).ok).toBe('boolean');
                }
            )
        );
    });

    it('agrees with the reference evaluator on every generated tree and truth table', () => {
        fc.assert(
            fc.property(
                treeArbitrary,
                fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
                (t, table) => {
                    const text = print(t);
                    fc.pre(text.length <= 255);
                    const result = parseCriteria(text);
                    const truth = (n: number): boolean => table[n];
                    // Only nesting beyond the depth cap may be refused.
                    const outcome = result.ok ? evaluateCriteria(result.node, truth) : result.reason;
                    const expected = result.ok ? reference(t, truth) : 'nested too deeply';
                    expect(outcome).toBe(expected);
                }
            )
        );
    });
});
