// Capture mode: records every upstream Kit frame, redacted, as JSON lines, so a customer's first real
// connection turns the ASSUMED frame shapes into fixtures (see docs/voximplant.md, "Capture mode").
import { appendFileSync } from 'node:fs';
import { redactText, redactValue } from './redaction';

export interface FrameCapture {
    record(direction: 'in' | 'out', text: string): void;
}

export function redactFrame(text: string, secrets: readonly string[]): string {
    try {
        return JSON.stringify(redactValue(JSON.parse(text), secrets));
    } catch {
        return redactText(text, secrets).slice(0, 2000);
    }
}

export function fileCapture(
    path: string,
    secrets: readonly string[],
    now: () => Date = () => new Date()
): FrameCapture {
    return {
        record(direction, text) {
            appendFileSync(
                path,
                `${JSON.stringify({ at: now().toISOString(), direction, frame: redactFrame(text, secrets) })}\n`,
                { mode: 0o600 }
            );
        }
    };
}

export const NO_CAPTURE: FrameCapture = { record: () => undefined };
