// One sample value per event and command name: the exhaustive switch makes a new name a compile error here.
import {
    type KitCommand,
    type KitCommandName,
    type KitEvent,
    type KitEventName,
    type SenderId,
    assertNever
} from '../../src/protocol/kitProtocol';

export function sampleEvent(name: KitEventName): KitEvent {
    const call = { callId: 'call-1', userId: '101' };
    switch (name) {
        case 'connection_accepted':
        case 'connected':
            return { name, senderId: 'sender-1' as SenderId };
        case 'incoming_call':
        case 'outgoing_call':
            return { name, ...call, phone: '+15550100', variables: { ivr_type: 'CaseNumber' } };
        case 'call_connected':
            return { name, ...call };
        case 'call_failed':
        case 'call_disconnected':
            return { name, ...call, reason: 'no_answer' };
        case 'data_updated':
            return { name, ...call, variables: { ivr_input: '00001026' } };
        case 'status_changed':
            return { name, userId: '101', status: 'ready' };
        default:
            return assertNever(name);
    }
}

export function sampleCommand(name: KitCommandName): KitCommand {
    switch (name) {
        case 'make_call':
            return { name, userId: '101', phone: '+15550199' };
        case 'set_variables':
            return { name, userId: '101', callId: 'call-1', variables: { sf_case: '500x' } };
        case 'logout':
            return { name, userId: '101' };
        default:
            return assertNever(name);
    }
}
