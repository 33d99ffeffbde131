// `ecs-sandbox check`: exit 0 when every service is steady both times, 2 with one reason per service
// when a task cannot be placed or a deployment is stuck, 1 when the scenario file cannot be used.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckCommand, type CheckCommandOptions } from '../../../src/cli/check-command.ts';
import type { CheckReport } from '../../../src/cli/check-report.ts';
import { CLI } from '../../../src/messages.ts';
import { loadCheckedScenario } from '../../../src/cli/load-checked-scenario.ts';
import { MAX_FILE_BYTES } from '../../../src/cli/read-json-file.ts';
import { SandboxApi } from '../../../src/api/handler.ts';
import { newDocument } from '../../../src/domain/new-document.ts';
import { SANDBOX, TASKS } from '../../../src/messages.ts';
import { loadScenario } from '../../../src/scenarios/load-scenario.ts';
import { captureIo } from '../../builders/cli-io.ts';
import { aFile, aServiceScenario, ECS, type ClusterShape } from '../../builders/cli-scenarios.ts';

async function check(scenario: unknown, options: Partial<CheckCommandOptions> = {}, tty = false) {
  const io = captureIo({ tty });
  const file = typeof scenario === 'string' && !scenario.startsWith('[') && !scenario.startsWith('{') ? scenario : aFile(scenario);
  const code = await runCheckCommand({ scenario: file, format: 'text', ...options }, io);
  return { code, stdout: io.stdout(), stderr: io.stderr(), progress: io.progressWrites(), file };
}

/** The container-instance ids the scenario registers (seed 1: the same ids check draws). */
function instanceIds(shape: ClusterShape): string[] {
  const api = loadCheckedScenario('x', aServiceScenario(shape));
  return api.document.regions['us-east-1'].containerInstances.map((c) => c.id);
}

/** A document as EcsSandbox.ExportScenario writes it, of the given calls. */
function exported(shape: ClusterShape = {}): any {
  const api = new SandboxApi({ document: newDocument() });
  loadScenario(api, aServiceScenario(shape));
  return api.call('EcsSandbox.ExportScenario', {}).output;
}

describe('ecs-sandbox check: outcomes', () => {
  it('a healthy service (2 × 512 MiB on two 2048 MiB instances, 100/200): exit 0, steady both times', async () => {
    const r = await check(aServiceScenario());
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `ok    us-east-1 ci/app: ${CLI.steady(2)}`,
      expect.stringMatching(/^1 service OK \(initial run \d+ s, forced deployment \d+ s\)$/),
    ]);
    expect(r.stderr).toEqual([]);
  });

  it('the built-in demo passes', async () => {
    expect((await check('demo')).code).toBe(0);
  });

  it('a task larger than any instance (4096 MiB on 2048 MiB instances): exit 2, the reason names the closest instance, the stage and the phase', async () => {
    const [closest] = instanceIds({ taskMemory: 4096 });
    const r = await check(aServiceScenario({ taskMemory: 4096 }));
    expect(r.code).toBe(2);
    const event = TASKS.placementFailureEvent('app', closest, TASKS.eventReason.memory);
    expect(r.stdout.split('\n')[0]).toBe(`FAIL  us-east-1 ci/app (${CLI.phase.steady}): ${CLI.cannotPlace(event)}`);
    expect(r.stdout).toContain('has insufficient memory available');
  });

  it('100/100: the forced deployment is stuck on the configuration (MIN = ceil(2·100/100) = 2, MAX = floor(2·100/100) = 2): exit 2', async () => {
    const r = await check(aServiceScenario({ deploymentConfiguration: { maximumPercent: 100 } }));
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe(
      `FAIL  us-east-1 ci/app (${CLI.phase.deployment}): ${CLI.stuckConfiguration(100, 100, 2, 2, 2)}`);
    expect(r.stdout).toContain('minimumHealthyPercent 100 and maximumPercent 100 leave no room to replace a task');
  });

  it('100/200 with room for exactly desiredCount (2 × 1024 MiB on one 2048 MiB instance): the deployment is stuck on capacity', async () => {
    const shape = { taskMemory: 1024, instances: [2048] };
    const [only] = instanceIds(shape);
    const r = await check(aServiceScenario(shape), { format: 'json' });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as CheckReport;
    const event = TASKS.placementFailureEvent('app', only, TASKS.eventReason.memory);
    expect(report.ok).toBe(false);
    expect(report.services).toEqual([{
      region: 'us-east-1', cluster: 'ci', service: 'app', outcome: 'stuck', phase: 'deployment', stuck: 'CAPACITY',
      desired: 2, running: 2, pending: 0, placementFailure: event, reason: CLI.stuckCapacity(100, 2, event),
    }]);
  });

  it('50/200 on the same instance makes room by stopping an old task first: exit 0', async () => {
    const r = await check(aServiceScenario({ taskMemory: 1024, instances: [2048], deploymentConfiguration: { minimumHealthyPercent: 50 } }));
    expect(r.code).toBe(0);
  });

  it('--max-seconds bounds each run', async () => {
    const r = await check(aServiceScenario({ taskMemory: 4096 }), { maxSeconds: 120, format: 'json' });
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as CheckReport).phases.map((p) => p.seconds)).toEqual([120, 120]);
  });

  it('one reason per service, each on its own line', async () => {
    const calls = [...aServiceScenario({ deploymentConfiguration: { maximumPercent: 100 } }),
      { target: `${ECS}.CreateService`, input: { cluster: 'ci', serviceName: 'other', taskDefinition: 'app', desiredCount: 1 } }];
    const r = await check(calls);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^FAIL {2}us-east-1 ci\/app \(forced deployment\): deployment stuck/);
    expect(lines[1]).toBe(`ok    us-east-1 ci/other: ${CLI.steady(1)}`);
    expect(lines[2]).toMatch(/^1 of 2 services failed the check/);
  });
});

describe('ecs-sandbox check: formats', () => {
  it('json is the report and parses', async () => {
    const r = await check(aServiceScenario(), { format: 'json' });
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report).toMatchObject({ ok: true, maxSeconds: 3600, services: [{ cluster: 'ci', service: 'app', outcome: 'ok', desired: 2, running: 2 }] });
    expect(report.phases.map((p) => [p.phase, p.steady])).toEqual([['steady', true], ['deployment', true]]);
  });

  it('md is a table: a header, a delimiter row, one row per service', async () => {
    const r = await check(aServiceScenario({ deploymentConfiguration: { maximumPercent: 100 } }), { format: 'md' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('| Service | Region | Result | Phase | Reason |');
    expect(lines[1]).toBe('|---|---|---|---|---|');
    expect(lines[2]).toBe(`| ci/app | us-east-1 | **stuck** | forced deployment | ${CLI.stuckConfiguration(100, 100, 2, 2, 2)} |`);
  });
});

describe('ecs-sandbox check: progress', () => {
  it('is absent when stderr is not a terminal', async () => {
    const r = await check(aServiceScenario());
    expect(r.progress).toBe('');
  });

  it('is redrawn in place on a terminal and erased before the result', async () => {
    const r = await check(aServiceScenario(), {}, true);
    expect(r.progress.startsWith(`\r${CLI.checkProgress(1, 2, CLI.phase.steady)} 0/3600 s\u001b[K`)).toBe(true);
    expect(r.progress).toContain(CLI.checkProgress(2, 2, CLI.phase.deployment));
    expect(r.progress.endsWith('\r\u001b[K')).toBe(true);
    expect(r.progress).not.toContain('\n');
  });
});

describe('ecs-sandbox check: bad scenario files exit 1 and name the place', () => {
  it.each([
    // line 3, column 11: the `}` where a value should be (4 spaces and `{"a": ` before it)
    ['{\n  "calls": [\n    {"a": }\n  ]\n}', ':3:11: not valid JSON: unexpected \'}\', expected a value'],
    ['[1, 2,]', ":1:7: not valid JSON: unexpected ']', expected another value (a trailing comma is not JSON)"],
    ['', ':1:1: not valid JSON: unexpected end of file, expected a value'],
    ['{"calls": []} x', ":1:15: not valid JSON: unexpected 'x', expected the end of the file"],
  ])('invalid JSON %j', async (text, tail) => {
    const file = aFile(text);
    const r = await check(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`ecs-sandbox check: ${file}${tail}`]);
    expect(r.stdout).toBe('');
  });

  it('a wrong type in a document: restore-document names the path', async () => {
    const doc = exported();
    doc.scenario.regions['us-east-1'].services[0].desiredCount = 'two';
    const r = await check(doc);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      `ecs-sandbox check: ${r.file}: ${SANDBOX.invalidScenario('scenario.regions.us-east-1.services[0].desiredCount', SANDBOX.scenario.mustBe('an integer of at least 0'))}`,
    ]);
  });

  it('a wrong type in a call: the API refuses it, naming the call', async () => {
    const calls = aServiceScenario({ desiredCount: 'two' as unknown as number });
    const r = await check(calls);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^ecs-sandbox check: .*: Scenario call 5 \\(${ECS}\\.CreateService\\) failed: `));
  });

  it('an unknown member of a call (ECS would ignore it, D1) is refused with its path', async () => {
    const calls = aServiceScenario({ service: { deploymentConfiguration: { minimumHealthyPercent: 50, maxPercent: 150 } } });
    const r = await check(calls);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`ecs-sandbox check: ${CLI.unknownCallMember(r.file, 5, `${ECS}.CreateService`, 'deploymentConfiguration.maxPercent')}`]);
  });

  it('unknown members of a document (restore would drop them) are refused with their paths', async () => {
    const doc = exported();
    doc.scenario.colour = 'blue';
    doc.scenario.regions['us-east-1'].clusters[0].size = 3;
    doc.scenario.regions['us-east-1'].subnets = [7];
    const r = await check(doc);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      // in the file's member order: `colour` was added last
      `ecs-sandbox check: ${CLI.unknownDocumentMember(r.file, 'scenario.regions.us-east-1.clusters[0].size')}`,
      `ecs-sandbox check: ${CLI.notAnObjectEntry(r.file, 'scenario.regions.us-east-1.subnets[0]')}`,
      `ecs-sandbox check: ${CLI.unknownDocumentMember(r.file, 'scenario.colour')}`,
    ]);
  });

  it('an exported document has no unknown member', async () => {
    expect((await check(exported())).code).toBe(0);
  });

  it(`a file over 16 MB (${MAX_FILE_BYTES} bytes) is refused before it is read`, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecs-sandbox-cli-')), 'huge.json');
    writeFileSync(file, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const r = await check(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`ecs-sandbox check: ${CLI.tooLarge(file, MAX_FILE_BYTES + 1, MAX_FILE_BYTES)}`]);
    expect(r.stderr[0]).toContain('16777217 bytes is more than the 16 MB');
  });

  it('a missing file, and a directory', async () => {
    const missing = await check('/nonexistent/scenario.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toEqual([`ecs-sandbox check: ${CLI.fileMissing('/nonexistent/scenario.json')}`]);
    const dir = mkdtempSync(join(tmpdir(), 'ecs-sandbox-cli-'));
    const directory = await check(dir);
    expect(directory.code).toBe(1);
    expect(directory.stderr).toEqual([`ecs-sandbox check: ${CLI.notAFile(dir)}`]);
  });

  it('a value that is no scenario', async () => {
    const r = await check(aFile('"hello"'));
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([`ecs-sandbox check: ${r.file}: ${SANDBOX.unknownScenario('hello')}`]);
  });
});
