import { isRecord } from 'c/voiceUtil';

/**
 * Flattens the error shapes Lightning hands back (UI API / LDS, Apex `AuraHandledException`, fetch-style
 * `{ body: { message } }`, page/field errors, JS `Error`, plain strings) into readable messages.
 * Input is `unknown` on purpose: errors cross a trust boundary and their shape is not guaranteed.
 */
export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages: string[] = [];
    for (const error of list) messages.push(...messagesOf(error));
    return messages.filter((message, index) => message.trim() !== '' && messages.indexOf(message) === index);
}

/** Messages of a `{ field: [{ message }] }` map (UI API `fieldErrors`, at the body or in its `output`). */
function fieldMessages(fieldErrors: unknown): string[] {
    if (!isRecord(fieldErrors)) return [];
    const messages: string[] = [];
    for (const errors of Object.values(fieldErrors)) {
        if (Array.isArray(errors)) messages.push(...errors.flatMap((item) => messagesOf(item)));
    }
    return messages;
}

function messagesOf(error: unknown): string[] {
    if (typeof error === 'string') return [error];
    if (error instanceof Error && hasText(error.message)) return [error.message];
    if (!isRecord(error)) return [];
    const body = error.body;
    if (Array.isArray(body)) return body.flatMap((item) => messagesOf(item));
    if (isRecord(body)) {
        const nested: string[] = [];
        const output = body.output;
        if (isRecord(output)) {
            if (Array.isArray(output.errors))
                nested.push(...output.errors.flatMap((item) => messagesOf(item)));
            nested.push(...fieldMessages(output.fieldErrors));
        }
        nested.push(...fieldMessages(body.fieldErrors));
        if (nested.length > 0) return nested;
        if (Array.isArray(body.pageErrors) && body.pageErrors.length > 0) {
            return body.pageErrors.flatMap((item) => messagesOf(item));
        }
        if (hasText(body.message)) return [body.message];
    }
    // A blank field says nothing, so the next one is read: the toolkit's and connector SDK's errors name their
    // text `errorMessage` and may carry an empty `message` next to it.
    for (const field of [error.message, error.errorMessage, error.statusText]) {
        if (hasText(field)) return [field];
    }
    return [];
}

function hasText(value: unknown): value is string {
    return typeof value === 'string' && value.trim() !== '';
}
