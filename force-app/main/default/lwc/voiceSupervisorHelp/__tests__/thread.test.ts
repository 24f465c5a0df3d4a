import { applyEvent, createSession } from 'c/voiceCallModel';
import * as ev from '@jest-tests/fixtures/toolkitEvents';
import { exportThread, nameOf } from '../thread';

describe('voiceSupervisorHelp thread helpers', () => {
    // A missing role and time: c/voiceFormat's roleLabels and timeFormat tests.
    it('labels a missing name', () => {
        expect(nameOf('  ')).toBe('Unnamed');
        expect(nameOf(undefined)).toBe('Unnamed');
    });

    it('exports a raise without a reason and nothing for a quiet call', () => {
        const connected = applyEvent(createSession(), 'callconnected', ev.callConnected(), 1);
        expect(exportThread(connected)).toBe('');
        const raised = applyEvent(connected, 'flagraise', ev.message(1, null, { id: 'f' }), 2);
        expect(exportThread(raised)).toBe(
            `Flag raised by Unnamed (Agent) at ${new Date(ev.T0 + 1000).toISOString()}: `
        );
    });
});
