// Structured logs: one JSON object per line; every field passes through redaction, so a Kit token,
// the Telephony key or a caller's number never reaches the log even if a caller passes it by mistake.
import { redactText, redactValue } from './redaction';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
    log(level: LogLevel, message: string, fields?: LogFields): void;
}

export function jsonLogger(
    write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    secrets: readonly string[] = []
): Logger {
    return {
        log(level, message, fields = {}) {
            const record = {
                ts: new Date().toISOString(),
                level,
                msg: redactText(message, secrets),
                ...(redactValue(fields, secrets) as object)
            };
            write(JSON.stringify(record));
        }
    };
}

/** Collects records in memory (tests, bench). */
export function memoryLogger(secrets: readonly string[] = []): Logger & { lines: string[] } {
    const lines: string[] = [];
    return { lines, ...jsonLogger((line) => lines.push(line), secrets) };
}
