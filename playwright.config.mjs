// `npm run test:e2e`: the workbench in Debian Chromium through Playwright Test. The webServer starts the
// workbench on a free loopback port (serve.mjs binds 127.0.0.1 only) with the e2e fixture scenario and the
// Voximplant stand-ins; `wait.stdout` captures the port it prints into WORKBENCH_PORT
// (https://playwright.dev/docs/api/class-testconfig#test-config-web-server). No browser is downloaded:
// launchOptions.executablePath points at /usr/bin/chromium.
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './scripts/workbench/browser.mjs';
import { ARTIFACTS, FIXTURE } from './scripts/workbench/e2e/workbench-page.mjs';

export default defineConfig({
    testDir: 'scripts/workbench/e2e',
    testMatch: '*.spec.mjs',
    outputDir: `${ARTIFACTS}/results`,
    // A 2-core machine: the CLI spec runs beside the browser story, never more.
    workers: 2,
    fullyParallel: false,
    forbidOnly: true,
    retries: 0,
    timeout: 60_000,
    expect: { timeout: 8_000 },
    reporter: [['list']],
    use: {
        headless: true,
        launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure'
    },
    webServer: {
        command: `node scripts/workbench/serve.mjs --port 0 --no-watch --scenario ${JSON.stringify(FIXTURE)} --voximplant`,
        wait: { stdout: /Workbench: http:\/\/127\.0\.0\.1:(?<workbench_port>\d+)\// },
        stdout: 'ignore',
        stderr: 'pipe',
        timeout: 180_000,
        reuseExistingServer: false,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
    }
});
