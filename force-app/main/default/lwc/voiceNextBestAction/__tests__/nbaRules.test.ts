import { paramsKey, parseRules, rulesForCategory, rulesForUtterance } from '../nbaRules';

describe('nbaRules', () => {
    it('parses keyword=>intent pairs separated by semicolons or new lines', () => {
        const { rules, problems } = parseRules('refund=>refund\n cancel my account => retention ;');
        expect(rules.map((r) => [r.keyword, r.intent])).toEqual([
            ['refund', 'refund'],
            ['cancel my account', 'retention']
        ]);
        expect(problems).toEqual([]);
    });

    it('treats a missing attribute as no rules', () => {
        expect(parseRules(null)).toEqual({ rules: [], problems: [] });
        expect(parseRules(undefined).rules).toEqual([]);
    });

    it('matches phrases as whole words across spacing and case', () => {
        const { rules } = parseRules('cancel my account=>retention;c++=>dev');
        expect(rulesForUtterance(rules, 'I want to CANCEL   my account now')).toHaveLength(1);
        expect(rulesForUtterance(rules, 'cancel my accounts')).toHaveLength(0);
        expect(rulesForCategory(rules, ' Cancel My Account ')).toHaveLength(1);
    });

    it('rejects keywords with pattern characters', () => {
        expect(parseRules('c++=>dev').problems).toEqual([{ position: 1, text: 'c++=>dev', kind: 'invalid' }]);
    });

    it('keys params independently of their order', () => {
        expect(paramsKey({ a: '1', b: '2' })).toBe(paramsKey({ b: '2', a: '1' }));
        expect(paramsKey({ a: '1' })).not.toBe(paramsKey({ a: '2' }));
    });
});
