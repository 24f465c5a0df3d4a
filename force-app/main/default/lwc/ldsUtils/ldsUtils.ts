/**
 * Flattens the error shapes Lightning hands back (UI API / LDS, Apex `AuraHandledException`, fetch-style
 * `{ body: { message } }`, page/field errors, JS `Error`, plain strings) into readable messages.
 * Input is `unknown` on purpose: errors cross a trust boundary and their shape is not guaranteed.
 */
export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages: string[] = [];
    for (const error of list) messages.push(...messagesOf(error));
    return messages.filter((message, index) => message.length > 0 && messages.indexOf(message) === index);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function messagesOf(error: unknown): string[] {
    if (typeof error === 'string') return [error];
    if (error instanceof Error) return [error.message];
    if (!isRecord(error)) return [];
    const body = error.body;
    if (Array.isArray(body)) return body.flatMap((item) => messagesOf(item));
    if (isRecord(body)) {
        const nested: string[] = [];
        const output = body.output;
        if (isRecord(output)) {
            if (Array.isArray(output.errors))
                nested.push(...output.errors.flatMap((item) => messagesOf(item)));
            if (isRecord(output.fieldErrors)) {
                for (const fieldErrors of Object.values(output.fieldErrors)) {
                    if (Array.isArray(fieldErrors))
                        nested.push(...fieldErrors.flatMap((item) => messagesOf(item)));
                }
            }
        }
        if (nested.length > 0) return nested;
        if (Array.isArray(body.pageErrors) && body.pageErrors.length > 0) {
            return body.pageErrors.flatMap((item) => messagesOf(item));
        }
        if (typeof body.message === 'string') return [body.message];
    }
    if (typeof error.message === 'string') return [error.message];
    if (typeof error.statusText === 'string') return [error.statusText];
    return [];
}
