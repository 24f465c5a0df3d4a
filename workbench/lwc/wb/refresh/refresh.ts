/** wb/refresh — `lightning/refresh`: RefreshEvent bubbles to the shell, which logs it; handlers are kept. */
export const REFRESH_COMPLETE = 'COMPLETE';
export const REFRESH_ERROR = 'ERROR';

export class RefreshEvent extends CustomEvent<null> {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true, detail: null });
    }
}

const handlers = new Map<number, () => Promise<unknown>>();
let seq = 0;

export function registerRefreshHandler(_element: unknown, handler: () => Promise<unknown>): number {
    seq += 1;
    handlers.set(seq, handler);
    return seq;
}

export function unregisterRefreshHandler(id: number): void {
    handlers.delete(id);
}

export function registerRefreshContainer(_element: unknown, _handler: unknown): number {
    seq += 1;
    return seq;
}

export function unregisterRefreshContainer(_id: number): void {}
