// Relay entry point: `node relay.mjs` (bundled by scripts/build-relay.mjs). Reads VOXIMPLANT_RELAY_CONFIG,
// starts, and stops cleanly on SIGTERM / SIGINT (container orchestrators send SIGTERM first).
import { readFileSync } from 'node:fs';
import { fileCapture } from './capture';
import { parseRelayConfig } from './config';
import { jsonLogger } from './logger';
import { startRelay } from './relay';

async function main(): Promise<void> {
    const path = process.env.VOXIMPLANT_RELAY_CONFIG;
    if (!path) throw new Error('VOXIMPLANT_RELAY_CONFIG must name the relay configuration file');
    const config = parseRelayConfig(JSON.parse(readFileSync(path, 'utf8')) as unknown, process.env);
    if (!config.ok) throw new Error(`configuration rejected: ${config.reason}`);
    const logger = jsonLogger(undefined, config.value.secrets);
    const capture = config.value.capturePath
        ? fileCapture(config.value.capturePath, config.value.secrets)
        : undefined;
    if (capture)
        logger.log('warn', 'capture mode on: redacted Kit frames are written to the capture file', {});
    const relay = await startRelay(config.value, { logger, ...(capture ? { capture } : {}) });
    const stop = (signal: string): void => {
        logger.log('info', 'signal received', { signal });
        void relay.stop().then(() => process.exit(0));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
    process.stderr.write(
        `${JSON.stringify({ level: 'error', msg: error instanceof Error ? error.message : 'relay failed' })}\n`
    );
    process.exit(1);
});
