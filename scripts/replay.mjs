// npm run replay -- <scenario.json>: feeds a call scenario through c/voiceCallModel (the same source the
// LWCs use) and prints the final session summary as JSON. Bad file → one line on stderr, exit 2.
import { fileURLToPath } from 'node:url';
import { loadCallModel } from './call-model.mjs';
import { loadScenario, ScenarioError } from './scenario.mjs';

/**
 * Replays validated scenario events; the event's `at` is its receipt time.
 * @param {import('./scenario.mjs').Scenario} scenario
 */
export async function replayScenario(scenario) {
    const model = await loadCallModel();
    let session = model.createSession();
    for (const event of scenario.events) {
        session = model.applyEvent(session, event.type, event.detail, event.at);
    }
    return model.summarizeSession(session);
}

/** @param {string[]} args */
async function main(args) {
    const path = args.find((arg) => arg !== '--');
    if (path === undefined) {
        process.stderr.write('usage: npm run replay -- <scenario.json>\n');
        return 2;
    }
    try {
        const summary = await replayScenario(loadScenario(path));
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return 0;
    } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        process.stderr.write(`replay: ${error.message}\n`);
        return 2;
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    process.exitCode = await main(process.argv.slice(2));
}
