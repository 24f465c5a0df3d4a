import { applyEvent, createSession } from 'c/voiceCallModel';
import * as ev from '@jest-tests/fixtures/toolkitEvents';
import { clockOf, exportThread, nameOf, roleLabel } from '../thread';

describe('voiceSupervisorHelp thread helpers', () => {
    it('labels a missing role, name and time', () => {
        expect(roleLabel(null)).toBe('Unknown');
        expect(roleLabel('Customer')).toBe('Customer');
        expect(nameOf('  ')).toBe('Unnamed');
        expect(nameOf(undefined)).toBe('Unnamed');
        expect(clockOf(null)).toBe('');
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
