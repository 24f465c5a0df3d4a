// The names of the Voximplant Kit CTI protocol (Kit documentation, "Working with the CTI server"),
// apart from the frame codec so the browser bundle can check names without carrying Kit frame shapes.
/** Every event of the protocol, in the page's order. */
export const KIT_EVENT_NAMES = [
    'connection_accepted',
    'connected',
    'outgoing_call',
    'call_connected',
    'call_failed',
    'data_updated',
    'incoming_call',
    'status_changed',
    'call_disconnected'
] as const;

/** Every command of the protocol. */
export const KIT_COMMAND_NAMES = ['make_call', 'set_variables', 'logout'] as const;

export type KitEventName = (typeof KIT_EVENT_NAMES)[number];
export type KitCommandName = (typeof KIT_COMMAND_NAMES)[number];

export function isKitEventName(value: unknown): value is KitEventName {
    return typeof value === 'string' && (KIT_EVENT_NAMES as readonly string[]).includes(value);
}

export function isKitCommandName(value: unknown): value is KitCommandName {
    return typeof value === 'string' && (KIT_COMMAND_NAMES as readonly string[]).includes(value);
}
