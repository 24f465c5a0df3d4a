import { checkReferences, parseReferences, resolveReferences, voiceCallFields } from 'c/voiceReferences';

const scope = { steps: new Map([['Find', ['recordId', 'name']]]) };
const values = {
    call: { participant: '+14155550134', callType: 'inbound' },
    voiceCall: { IVRInput__c: '00001026' },
    steps: { Find: { recordId: '003000000000001AAA' } }
};

describe('c/voiceReferences', () => {
    describe('parseReferences', () => {
        it('reads the three namespaces', () => {
            const { references, problems } = parseReferences(
                'a {!$Call.participant} b {!$VoiceCall.IVRInput__c} c {!$Step.Find.recordId}'
            );
            expect(problems).toEqual([]);
            expect(references.map((r) => r.kind)).toEqual(['call', 'voiceCall', 'step']);
        });

        it.each([
            ['{!$Call.nope}', 'unknown call value {!$Call.nope}'],
            ['{!$Org.Id}', 'unknown reference {!$Org.Id}'],
            ['{!$VoiceCall.1bad}', 'bad field {!$VoiceCall.1bad}'],
            ['{!$Step.Find}', 'unknown reference {!$Step.Find}'],
            ['x {!$Call.participant', 'unclosed reference in "x {!$Call.participant"']
        ])('reports %s', (text, problem) => {
            expect(parseReferences(text).problems).toEqual([problem]);
        });
    });

    describe('checkReferences', () => {
        it('accepts outputs of earlier steps', () => {
            expect(checkReferences('{!$Step.Find.recordId}', scope)).toEqual([]);
        });

        it('rejects unknown steps and outputs', () => {
            expect(checkReferences('{!$Step.Pop.recordId} {!$Step.Find.phone}', scope)).toEqual([
                '{!$Step.Pop.recordId}: no earlier step named Pop',
                '{!$Step.Find.phone}: step Find has no output phone'
            ]);
        });
    });

    it('lists the VoiceCall fields a text reads', () => {
        expect(
            voiceCallFields('{!$VoiceCall.IVRType__c}={!$VoiceCall.RelatedRecordId} {!$Call.callId}')
        ).toEqual(['IVRType__c', 'RelatedRecordId']);
    });

    describe('resolveReferences', () => {
        it('replaces references by their values and leaves other text alone', () => {
            expect(
                resolveReferences(
                    'Phone={!$Call.participant};Case={!$VoiceCall.IVRInput__c};Id={!$Step.Find.recordId}',
                    values
                )
            ).toBe('Phone=+14155550134;Case=00001026;Id=003000000000001AAA');
        });

        it('resolves missing values and malformed tokens to the empty string', () => {
            expect(
                resolveReferences('[{!$Call.line}][{!$VoiceCall.Other__c}][{!$Step.X.y}][{!bad}]', values)
            ).toBe('[][][][]');
        });
    });
});
