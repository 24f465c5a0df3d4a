// The call scenario contract (the Scenario typedef below): one validator shared by the replay CLI, the workbench and tests.
// Structure is checked strictly; event *payloads* are not: malformed details are what scenarios are for.
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ at: number, type: string, detail?: unknown }} ScenarioEvent
 * @typedef {{ name: string, description?: string, recordId?: string, records?: Record<string, unknown>,
 *   events: ScenarioEvent[] }} Scenario
 */

/** A scenario file that cannot be used; `message` is one line, fit for stderr. */
export class ScenarioError extends Error {
    /** @param {string} message */
    constructor(message) {
        super(message);
        this.name = 'ScenarioError';
    }
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the structure of a parsed scenario and returns it typed; throws ScenarioError naming the first problem.
 * @param {unknown} json
 * @returns {Scenario}
 */
export function validateScenario(json) {
    if (!isObject(json)) throw new ScenarioError('scenario must be a JSON object');
    if (typeof json.name !== 'string' || json.name.trim() === '') {
        throw new ScenarioError('scenario "name" must be a non-empty string');
    }
    for (const key of ['description', 'recordId']) {
        if (json[key] !== undefined && typeof json[key] !== 'string') {
            throw new ScenarioError(`scenario "${key}" must be a string when present`);
        }
    }
    if (json.records !== undefined && !isObject(json.records)) {
        throw new ScenarioError('scenario "records" must be an object when present');
    }
    if (!Array.isArray(json.events)) throw new ScenarioError('scenario "events" must be an array');
    json.events.forEach((event, i) => {
        if (!isObject(event)) throw new ScenarioError(`events[${i}] must be an object`);
        if (typeof event.at !== 'number' || !Number.isFinite(event.at) || event.at < 0) {
            throw new ScenarioError(`events[${i}].at must be a finite number >= 0 (ms from start)`);
        }
        if (typeof event.type !== 'string' || event.type === '') {
            throw new ScenarioError(`events[${i}].type must be a non-empty string`);
        }
    });
    return /** @type {Scenario} */ (json);
}

/** @param {unknown} error */
function reason(error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n')[0];
}

/**
 * Reads, parses and validates a scenario file; throws ScenarioError with a one-line message.
 * @param {string} path
 * @returns {Scenario}
 */
export function loadScenario(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    } catch (error) {
        throw new ScenarioError(`cannot read scenario ${path}: ${reason(error)}`);
    }
    let json;
    try {
        json = JSON.parse(text);
    } catch (error) {
        throw new ScenarioError(`scenario ${path} is not valid JSON: ${reason(error)}`);
    }
    try {
        return validateScenario(json);
    } catch (error) {
        throw new ScenarioError(`invalid scenario ${path}: ${reason(error)}`);
    }
}
