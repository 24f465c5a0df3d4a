// `npm run voximplant:simulator -- [--port N] [--play scenario]`: the Kit simulator on 127.0.0.1 for trying the
// relay by hand. Type a scenario name (or `list`, `drop`, `quit`) on stdin to play it to the room.
import { createInterface } from 'node:readline';
import { KIT_SCENARIOS, findScenario } from './kitScenarios';
import { startKitSimulator } from './kitSimulator';

function option(name: string): string | undefined {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
    const token = process.env.VOXIMPLANT_KIT_TOKEN ?? 'local-kit-token';
    const sim = await startKitSimulator({
        domain: 'local',
        tokenId: 'local-token-id',
        token,
        port: Number(option('--port') ?? 4401)
    });
    process.stdout.write(
        `Kit simulator (ASSUMED frame shapes) at ${sim.url}\nrelay account: { "url": "${sim.url}", "tokenEnv": "VOXIMPLANT_KIT_TOKEN" } with VOXIMPLANT_KIT_TOKEN=${token === 'local-kit-token' ? token : '(yours)'}\n`
    );
    const play = async (name: string): Promise<void> => {
        const scenario = findScenario(name);
        if (!scenario) {
            process.stdout.write(
                `unknown scenario ${name}; one of: ${KIT_SCENARIOS.map((s) => s.name).join(', ')}\n`
            );
            return;
        }
        await sim.play(scenario, 500);
        process.stdout.write(`played ${name} to ${sim.roomSize()} client(s)\n`);
    };
    const first = option('--play');
    if (first) await play(first);
    const input = createInterface({ input: process.stdin });
    input.on('line', (line) => {
        const command = line.trim();
        if (command === 'quit') {
            void sim.close().then(() => process.exit(0));
        } else if (command === 'list')
            process.stdout.write(`${KIT_SCENARIOS.map((s) => `${s.name}: ${s.description}`).join('\n')}\n`);
        else if (command === 'drop') sim.drop();
        else if (command !== '') void play(command);
    });
    process.once('SIGINT', () => {
        void sim.close().then(() => process.exit(0));
    });
}

void main();
