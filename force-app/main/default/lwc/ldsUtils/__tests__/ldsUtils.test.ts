import { reduceErrors } from 'c/ldsUtils';

describe('c/ldsUtils reduceErrors', () => {
    it.each([
        ['a plain string', 'Offline', ['Offline']],
        ['a JS Error', new Error('Boom'), ['Boom']],
        ['an Apex error body', { body: { message: 'Insufficient access' } }, ['Insufficient access']],
        ['a UI API array body', { body: [{ message: 'First' }, { message: 'Second' }] }, ['First', 'Second']],
        ['page errors', { body: { pageErrors: [{ message: 'Locked' }] } }, ['Locked']],
        [
            'LDS output errors and field errors',
            {
                body: {
                    output: {
                        errors: [{ message: 'Record error' }],
                        fieldErrors: { Notes__c: [{ message: 'Too long' }] }
                    }
                }
            },
            ['Record error', 'Too long']
        ],
        ['a fetch-style status text', { statusText: 'Service Unavailable' }, ['Service Unavailable']],
        ['a top-level message', { message: 'Top' }, ['Top']],
        [
            'UI API field errors at the body',
            {
                body: {
                    fieldErrors: {
                        Name: [{ message: 'Name is required' }],
                        Phone: [{ message: 'Bad phone' }]
                    }
                }
            },
            ['Name is required', 'Bad phone']
        ],
        ['a toolkit-style errorMessage', { errorMessage: 'Call not found' }, ['Call not found']],
        ['errorMessage behind a blank message', { message: ' ', errorMessage: 'No line' }, ['No line']],
        [
            'errorMessage on an Error with no message',
            Object.assign(new Error(''), { errorMessage: 'No line' }),
            ['No line']
        ],
        [
            'statusText behind a blank body message',
            { body: { message: '' }, statusText: 'Bad Gateway' },
            ['Bad Gateway']
        ],
        ['whitespace-only messages dropped', ['  ', 'Real'], ['Real']],
        ['a list mixing shapes with duplicates', ['Same', new Error('Same'), null, 42], ['Same']]
    ])('reduces %s', (_name, input, expected) => {
        expect(reduceErrors(input)).toEqual(expected);
    });

    it('returns nothing for shapes it cannot read', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors({ body: { output: {} } })).toEqual([]);
        expect(reduceErrors({ body: { pageErrors: [] } })).toEqual([]);
        expect(reduceErrors({ body: { output: { fieldErrors: { A: 'not a list' } } } })).toEqual([]);
    });
});
