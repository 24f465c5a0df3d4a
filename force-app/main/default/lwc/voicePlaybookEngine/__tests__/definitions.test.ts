import {
    criteriaOf,
    evaluateCriteria,
    parseDefinitions,
    parsePlaybook,
    isInvalid
} from 'c/voicePlaybookEngine';
import type { InvalidPlaybook } from 'c/voicePlaybookEngine';
import fixture from './data/playbooks.json';

type Raw = Record<string, unknown>;

const base = (): Raw => JSON.parse(JSON.stringify(fixture.playbooks[0])) as Raw;

function problemsOf(raw: unknown): readonly string[] {
    const parsed = parsePlaybook(raw);
    return isInvalid(parsed) ? parsed.problems : [];
}

function withStep(step: Raw): Raw {
    const raw = base();
    raw.steps = [{ order: 1, stepName: 'S', onFailure: 'Stop', ...step }];
    return raw;
}

describe('playbook definitions', () => {
    it('keeps valid playbooks, sorted by order, with defaults filled in', () => {
        const { playbooks, invalid } = parseDefinitions(fixture);
        expect(invalid).toEqual([]);
        expect(playbooks.map((p) => p.developerName)).toEqual([
            'Screen_Pop_Caller',
            'Open_IVR_Case',
            'Cancel_Keyword'
        ]);
        expect(playbooks[1]).toMatchObject({
            group: '',
            cooldownSeconds: 0,
            timeLimitSeconds: 30,
            criteria: ''
        });
        expect(playbooks[0].steps.map((s) => s.stepName)).toEqual(['Find', 'Pop']);
    });

    it('accepts a bare list and rejects a payload that is not one', () => {
        expect(parseDefinitions(fixture.playbooks).playbooks).toHaveLength(3);
        expect(parseDefinitions('nope').invalid).toEqual([
            { developerName: '(payload)', problems: ['not a list of playbooks'] }
        ]);
    });

    it('lists invalid playbooks with every problem instead of running them', () => {
        const { playbooks, invalid } = parseDefinitions([
            { developerName: 'Broken', trigger: 'Ring', callType: 'Sideways', steps: [] },
            fixture.playbooks[2]
        ]);
        expect(playbooks.map((p) => p.developerName)).toEqual(['Cancel_Keyword']);
        expect((invalid[0] as InvalidPlaybook).problems).toEqual([
            'unknown trigger "Ring"',
            'unknown call type "Sideways"',
            'has no steps'
        ]);
        expect(problemsOf(null)).toContain('unknown trigger ""');
    });

    it('blank criteria means every condition; criteria numbers must match the conditions', () => {
        const raw = JSON.parse(JSON.stringify(fixture.playbooks[2])) as Raw;
        raw.criteria = '';
        const parsed = parsePlaybook(raw);
        if (isInvalid(parsed)) throw new Error(parsed.problems.join());
        expect(evaluateCriteria(criteriaOf(parsed), (n) => n === 1)).toBe(false);
        raw.criteria = '1 OR 3';
        expect(problemsOf(raw)).toEqual([
            'criteria uses 3 but no condition has that number',
            'condition 2 is not in the criteria'
        ]);
        raw.criteria = '1 OR';
        expect(problemsOf(raw)).toEqual(['criteria "1 OR": ends too early']);
    });

    it('checks each condition', () => {
        const raw = base();
        raw.conditions = [
            { number: 0, source: 'Mood', operator: 'Equals' },
            {
                number: 2,
                source: 'Reference',
                reference: 'RelatedRecordId',
                operator: 'IsBlank',
                role: 'Boss'
            },
            {
                number: 3,
                source: 'Reference',
                reference: '{!$Call.weather}',
                operator: 'GreaterThan',
                value: 'x'
            },
            { number: 3, source: 'SignalScore', operator: 'Equals', value: '5' },
            { number: 4, source: 'SignalScore', operator: 'Like' },
            'text'
        ];
        expect(problemsOf(raw)).toEqual([
            'condition 0: number must be 1-99',
            'condition 0: unknown source "Mood"',
            'condition 2: unknown role "Boss"',
            'condition 2: Reference source needs one {!...} reference',
            'condition 3: unknown call value {!$Call.weather}',
            'condition 3: GreaterThan needs a number',
            'condition 4: unknown operator "Like"',
            'a condition is not an object',
            'condition number 3 is used twice'
        ]);
    });

    it.each([
        [
            { type: 'IdentifyCaller', target: 'Contact,Opportunity' },
            'Target must list objects among Contact, Account, Lead'
        ],
        [{ type: 'ScreenPop', target: 'Nobody' }, 'Target must name an earlier IdentifyCaller step'],
        [{ type: 'OpenRecord', target: 'not an id' }, 'Target must be a record id or one reference'],
        [{ type: 'NewRecord', objectApiName: '' }, 'Object must be an API name'],
        [
            { type: 'NewRecord', objectApiName: 'Case', value: 'Subject' },
            'default "Subject" is not Field=value'
        ],
        [{ type: 'Banner', message: '' }, 'Message Label must name an existing custom label'],
        [{ type: 'RequestNextBestAction', value: '' }, 'Value must hold the intent'],
        [{ type: 'UpdateVoiceCallField', target: 'bad field' }, 'Target must be a VoiceCall field API name'],
        [{ type: 'Dial' }, 'unknown type "Dial"'],
        [{ type: 'Banner', message: 'm', onFailure: 'Retry' }, 'unknown On Failure "Retry"'],
        [
            { type: 'Banner', message: 'm', value: '{!$Step.Later.text}' },
            '{!$Step.Later.text}: no earlier step named Later'
        ]
    ])('rejects step %p', (step, problem) => {
        expect(problemsOf(withStep(step)).join('\n')).toContain(problem);
    });

    it('accepts a RunFlow step and literal record ids', () => {
        expect(problemsOf(withStep({ type: 'RunFlow' }))).toEqual([]);
        expect(problemsOf(withStep({ type: 'OpenRecord', target: '5005g00000XyZ1AAAV' }))).toEqual([]);
        expect(
            problemsOf(withStep({ type: 'UpdateVoiceCallField', target: 'Call_Disposition__c', value: 'x' }))
        ).toEqual([]);
    });

    it('rejects duplicate steps, bad names and orders, and bad limits', () => {
        const raw = base();
        raw.steps = [
            { order: 1, stepName: 'A', type: 'RequestNextBestAction', value: 'x' },
            { order: 1, stepName: 'A', type: 'RequestNextBestAction', value: 'x' },
            { order: 120, stepName: '9x', type: 'RequestNextBestAction', value: 'x' },
            7
        ];
        raw.cooldownSeconds = -1;
        raw.timeLimitSeconds = 500;
        expect(problemsOf(raw)).toEqual([
            'step "9x": name must be letters, digits, _',
            'step 9x: order must be 1-99',
            'a step is not an object',
            'step order 1 is used twice',
            'step name A is used twice',
            'cooldown must not be negative',
            'time limit must be 1-120 seconds'
        ]);
    });
});
