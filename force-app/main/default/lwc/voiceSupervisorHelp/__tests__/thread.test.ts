import { applyEvent, createSession } from 'c/voiceCallModel';
import * as ev from '../../../../../../jest-tests/fixtures/toolkitEvents';
import { clockOf, exportThread, nameOf, roleLabel } from '../thread';

describe('voiceSupervisorHelp thread helpers', () => {
    it('labels a missing role, name and time', () => {
        expect(roleLabel(null)).toBe('c.Voice_Supervisor_RoleUnknown');
        expect(roleLabel('Customer')).toBe('c.Voice_Supervisor_RoleCustomer');
        expect(nameOf('  ')).toBe('c.Voice_Supervisor_NoName');
        expect(nameOf(undefined)).toBe('c.Voice_Supervisor_NoName');
        expect(clockOf(null)).toBe('');
    });

    it('exports a raise without a reason and nothing for a quiet call', () => {
        const connected = applyEvent(createSession(), 'callconnected', ev.callConnected(), 1);
        expect(exportThread(connected)).toBe('');
        const raised = applyEvent(connected, 'flagraise', ev.message(1, null, { id: 'f' }), 2);
        expect(exportThread(raised)).toBe('c.Voice_Supervisor_ExportFlagRaised');
    });
});
