// The built binary once, as CI would run it: `node bin/ecs-sandbox.mjs check …` and `what-if …`.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/cli/check-report.ts';
import { CLI } from '../../../src/messages.ts';
import type { WhatIfReport } from '../../../src/whatif/what-if-types.ts';
import { ensureCliBuilt, runCli } from '../../builders/cli-process.ts';
import { aFile, aServiceScenario } from '../../builders/cli-scenarios.ts';

beforeAll(() => ensureCliBuilt(), 120_000);

describe('ecs-sandbox check / what-if (the built binary)', () => {
  it('check: exit 2 with the stuck 100/100 deployment in json, exit 0 on a healthy scenario, 1 on a bad file; no progress off a terminal', () => {
    const stuck = runCli(['check', aFile(aServiceScenario({ deploymentConfiguration: { maximumPercent: 100 } })), '--format', 'json']);
    expect(stuck.status).toBe(2);
    const report = JSON.parse(stuck.stdout) as CheckReport;
    expect(report.services.map((s) => [s.service, s.outcome, s.stuck])).toEqual([['app', 'stuck', 'DEPLOYMENT_CONFIGURATION']]);
    // the WASM core loads from build/ (npm test builds it): no notice, no progress on a pipe
    expect(stuck.stderr).toBe('');

    const healthy = runCli(['check', aFile(aServiceScenario())]);
    expect(healthy.status).toBe(0);
    expect(healthy.stdout).toContain(`ok    us-east-1 ci/app: ${CLI.steady(2)}`);

    const bad = runCli(['check', aFile('{"calls": [}')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^ecs-sandbox check: .*scenario\.json:1:12: not valid JSON: unexpected '}', expected a value\n$/);
  }, 60_000);

  it('what-if: the comparison as json', () => {
    const variants = aFile([{ name: 'four', changes: [{ service: 'app', cluster: 'ci', desiredCount: 4 }] }], 'variants.json');
    const r = runCli(['what-if', aFile(aServiceScenario()), '--variants', variants, '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as WhatIfReport).variants.map((v) => v.name)).toEqual(['four']);
  }, 60_000);
});
