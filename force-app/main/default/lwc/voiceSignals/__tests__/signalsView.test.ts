import { categoryName, categoryNames, humanize } from '../signalsView';

describe('signalsView: category names an agent understands', () => {
    it.each([
        ['RefundRequest', 'Refund request'],
        ['CustomerAngry', 'Customer angry'],
        ['customer_angry', 'Customer angry'],
        ['VIPCustomerEscalation', 'VIP customer escalation'],
        ['Plan2Upgrade', 'Plan2 upgrade'],
        ['___', '___']
    ])('puts %s in words as %s', (value, words) => {
        expect(humanize(value)).toBe(words);
    });

    it('lets the admin name categories, any case, and falls back to words', () => {
        const names = categoryNames(' RefundRequest = Refund over the limit ,bad, =x, y= ,Angry=Upset');
        expect([...names.entries()]).toEqual([
            ['refundrequest', 'Refund over the limit'],
            ['angry', 'Upset']
        ]);
        expect(categoryName('refundRequest', names)).toBe('Refund over the limit');
        expect(categoryName('Gratitude', names)).toBe('Gratitude');
        expect(categoryNames(undefined).size).toBe(0);
    });
});
