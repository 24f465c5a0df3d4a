// npm run replay -- <scenario.json> [--playbooks <file.json | repository root> [--include-inactive]]:
// feeds a call scenario through c/voiceCallModel (the same source the LWCs use) and prints the final
// session summary as JSON; with --playbooks it prints the playbook runs c/voicePlaybookEngine plans for
// the scenario instead (pure engine: nothing is executed). Bad file → one line on stderr, exit 2.
import { readFileSync, statSync } from 'node:fs';
import { loadCallModel } from './call-model.mjs';
import { loadLwcModule } from './lwc-module.mjs';
import { playbookPayload } from './checks/playbook-check.mjs';
import { loadScenario, ScenarioError } from './scenario.mjs';
import { UsageError, isMain, readCommandLine } from './repo.mjs';

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

/** The scenario's VoiceCall record fields (its `recordId` entry of `records`), as text. */
function voiceCallFields(scenario) {
    const record = scenario.records?.[scenario.recordId ?? ''];
    const fields = record && typeof record === 'object' ? (record.fields ?? {}) : {};
    return Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [key, value == null ? '' : String(value)])
    );
}

/**
 * The runs the engine plans while the scenario plays: `{ runs: [{ at, playbook, trigger, edge }], invalid }`.
 * @param {import('./scenario.mjs').Scenario} scenario
 * @param {unknown} payload playbook definitions as the Apex controller returns them
 */
export async function planScenario(scenario, payload, { includeInactive = false } = {}) {
    const model = await loadCallModel();
    const engine = await loadLwcModule('voicePlaybookEngine');
    const definitions = engine.parseDefinitions(payload);
    const playbooks = definitions.playbooks.map((p) => (includeInactive ? { ...p, active: true } : p));
    const context = { group: '', recordId: scenario.recordId ?? null, voiceCall: voiceCallFields(scenario) };
    let session = model.createSession();
    let state = engine.emptyPlanner();
    const runs = [];
    for (const event of scenario.events) {
        session = model.applyEvent(session, event.type, event.detail, event.at);
        const planned = engine.plan(state, session, playbooks, { ...context, now: event.at });
        state = planned.state;
        for (const run of planned.runs) {
            runs.push({
                at: event.at,
                playbook: run.playbook.developerName,
                trigger: run.edge.trigger,
                edge: run.edge.key
            });
        }
    }
    return { runs, invalid: definitions.invalid };
}

function readPlaybooks(path) {
    try {
        return statSync(path).isDirectory() ? playbookPayload(path) : JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        throw new ScenarioError(`cannot read playbooks ${path}: ${error.message.split('\n')[0]}`);
    }
}

/** @param {string[]} args */
async function main(args) {
    const usage = 'usage: npm run replay -- <scenario.json> [--playbooks <file|root> [--include-inactive]]\n';
    let commandLine;
    try {
        commandLine = readCommandLine(
            { playbooks: { type: 'string' }, 'include-inactive': { type: 'boolean', default: false } },
            { args, allowPositionals: true }
        );
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`replay: ${error.message}\n${usage}`);
        return 2;
    }
    const { values, positionals } = commandLine;
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length) {
        process.stderr.write(usage);
        return 2;
    }
    const playbooksPath = values.playbooks;
    const includeInactive = values['include-inactive'];
    try {
        const scenario = loadScenario(path);
        const output =
            playbooksPath === undefined
                ? await replayScenario(scenario)
                : await planScenario(scenario, readPlaybooks(playbooksPath), { includeInactive });
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
        return 0;
    } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        process.stderr.write(`replay: ${error.message}\n`);
        return 2;
    }
}

if (isMain(import.meta.url)) {
    process.exitCode = await main(process.argv.slice(2));
}
