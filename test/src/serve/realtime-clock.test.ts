// `serve`'s default clock is 1× wall time (semantics 3.1): the scheduler's steps must run as wall
// time passes, so W18 waiters behave as against AWS. The wall clock is injected, so nothing here waits.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxServer, type RunningSandbox } from '../../../src/serve/cli.ts';
import { ECS_TARGET, SANDBOX_TARGET } from '../../builders/serve.ts';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function call(target: string, input: unknown = {}) {
  const res = await fetch(`${running!.url}/`, {
    method: 'POST', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(input),
  });
  return { status: res.status, json: await res.json() };
}

describe('serve with the realtime clock', () => {
  it('follows the injected wall clock, N times faster with realtime:N', async () => {
    let wall = 1_000_000;
    running = await startSandboxServer({ port: 0, clock: { mode: 'realtime', speed: 60 }, wallClock: () => wall });
    const start = (await call(`${SANDBOX_TARGET}.ExportScenario`)).json.scenario.clock.nowMs;
    wall += 1500; // 1.5 wall seconds at 60× → 90 simulated seconds
    const now = (await call(`${SANDBOX_TARGET}.ExportScenario`)).json.scenario.clock.nowMs;
    expect(now - start).toBe(90_000);
  });

  it('runs the scheduler steps that wall time brought due: a deleted service turns INACTIVE', async () => {
    let wall = 5_000_000;
    running = await startSandboxServer({ port: 0, wallClock: () => wall });
    await call(`${ECS_TARGET}.RegisterTaskDefinition`, { family: 'rt', containerDefinitions: [{ name: 'c', image: 'busybox', memory: 32 }] });
    await call(`${ECS_TARGET}.CreateService`, { serviceName: 'rt', taskDefinition: 'rt', desiredCount: 0 });
    expect((await call(`${ECS_TARGET}.DeleteService`, { service: 'rt' })).json.service.status).toBe('DRAINING');
    wall += 2000; // two wall seconds at 1×: at least one step (section 12: INACTIVE at the first step with no live task)
    const described = await call(`${ECS_TARGET}.DescribeServices`, { services: ['rt'] });
    expect(described.json.services[0].status).toBe('INACTIVE');
  });

  it('the command line clock wins over a loaded scenario’s', async () => {
    running = await startSandboxServer({ port: 0, clock: { mode: 'manual', speed: 1 }, scenario: 'demo', wallClock: () => 0 });
    expect(running.api.document.clock.mode).toBe('manual');
  });
});
