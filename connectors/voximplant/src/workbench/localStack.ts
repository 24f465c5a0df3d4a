// The Voximplant half of the local workbench (`npm start -- --voximplant`): the Kit simulator and the
// relay on 127.0.0.1 ephemeral ports, wired as an org would wire them but with throwaway secrets made
// at start (a random Kit token, a fresh RSA pair standing in for the org's relay-token certificate).
// The private key never leaves this process: the workbench page asks the workbench server for a
// relay token, as the connector page asks Apex (VoximplantRelayTokenController) in an org.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { ASSUMED_KIT_FIELD_MAP } from '../protocol/kitFieldMap';
import { signRs256 } from '../relay/jwt';
import { type Logger } from '../relay/logger';
import { type RelayConfig } from '../relay/config';
import { type RunningRelay, startRelay } from '../relay/relay';
import { KIT_SCENARIOS, findScenario } from '../simulator/kitScenarios';
import { type KitSimulator, startKitSimulator } from '../simulator/kitSimulator';

/** A syntactically valid org id for the throwaway token issuer (no org is involved). */
const LOCAL_ORG_ID = '00DWB0000000001AAA';
const AUDIENCE = 'voximplant-relay';
const TOKEN_TTL_SECONDS = 300;
/** The Kit user every simulator scenario addresses (kitScenarios.ts). */
const KIT_AGENT = '101';

export interface LocalStackOptions {
    /** The Salesforce user id the workbench signs in as (its `@salesforce/user/Id`). */
    readonly userId: string;
    /** The workbench page's origin: the only origin the relay accepts. */
    readonly origin: string;
    readonly logger: Logger;
}

export interface LocalStack {
    readonly relayUrl: string;
    readonly simulatorUrl: string;
    readonly scenarios: readonly { readonly name: string; readonly description: string }[];
    /** A relay token for the workbench user, as the Apex controller issues one. */
    mintToken(): string;
    /** Plays a Kit scenario to the simulator's room; false when the name is unknown. */
    play(name: string, stepGapMs: number): Promise<boolean>;
    close(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
    const kitToken = randomBytes(24).toString('base64url');
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sim: KitSimulator = await startKitSimulator({
        domain: 'workbench',
        tokenId: randomBytes(8).toString('hex'),
        token: kitToken
    });
    const config: RelayConfig = {
        host: '127.0.0.1',
        port: 0,
        allowedOrigins: [options.origin],
        accounts: [
            { name: 'workbench', url: sim.url, token: kitToken, userMap: { [KIT_AGENT]: options.userId } }
        ],
        fieldMap: ASSUMED_KIT_FIELD_MAP,
        variableMap: {},
        browserToken: {
            publicKey: keys.publicKey,
            orgId: LOCAL_ORG_ID,
            audience: AUDIENCE,
            maxTtlSeconds: TOKEN_TTL_SECONDS
        },
        heartbeatMs: 15_000,
        backoffInitialMs: 200,
        backoffMaxMs: 2000,
        authTimeoutMs: 5000,
        maxCallAgeMs: 3_600_000,
        sweepIntervalMs: 60_000,
        secrets: [kitToken]
    };
    let relay: RunningRelay;
    try {
        relay = await startRelay(config, { logger: options.logger });
    } catch (error) {
        await sim.close();
        throw error;
    }
    return {
        relayUrl: relay.url,
        simulatorUrl: sim.url,
        scenarios: KIT_SCENARIOS.map(({ name, description }) => ({ name, description })),
        mintToken() {
            const now = Math.floor(Date.now() / 1000);
            return signRs256(
                {
                    iss: LOCAL_ORG_ID,
                    sub: options.userId,
                    aud: AUDIENCE,
                    iat: now,
                    exp: now + TOKEN_TTL_SECONDS
                },
                keys.privateKey
            );
        },
        async play(name, stepGapMs) {
            const scenario = findScenario(name);
            if (!scenario) return false;
            await sim.play(scenario, stepGapMs);
            return true;
        },
        async close() {
            await relay.stop();
            await sim.close();
        }
    };
}
