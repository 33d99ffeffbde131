// EmbedSessionService (src/worker/embed-sessions.ts): one core, one session per <ecs-sandbox> widget,
// each its own SandboxApi — and the example documentation page's scenarios, run to steady state.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMBED } from '../../../src/messages.ts';
import { EmbedSessionService, isWhatIfRequest } from '../../../src/worker/embed-sessions.ts';
import type { SandboxView } from '../../../src/worker/embed-api.ts';
import { aWallClock, coreBytes } from '../../builders/scheduler-service.ts';

const ECS = 'AmazonEC2ContainerServiceV20141113';
const EXAMPLE = new URL('../../../docs/example/index.html', import.meta.url);

const aService = (wall = aWallClock()) => new EmbedSessionService({ core: { bytes: coreBytes() }, wallClock: wall.wallClock });

/** The inline scenarios of docs/example/index.html, by the widget's `data-example` name. */
function exampleScenarios(): Map<string, string> {
  const html = readFileSync(EXAMPLE, 'utf8');
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<ecs-sandbox[^>]*data-example="([^"]+)"[^>]*>\s*<script type="application\/json">([\s\S]*?)<\/script>/g)) out.set(m[1], m[2]);
  return out;
}

async function viewOf(service: EmbedSessionService, id: string): Promise<SandboxView> {
  const out = await service.view(id);
  if ('error' in out || 'unchanged' in out.output) throw new Error('expected a whole view');
  return out.output;
}

const createdId = (out: Awaited<ReturnType<EmbedSessionService['createSession']>>) => {
  if ('error' in out) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.output.id;
};

const minimal = [
  { target: `${ECS}.CreateCluster`, input: { clusterName: 'a' } },
];

describe('EmbedSessionService', () => {
  it('sessions are independent sandboxes: a call in one changes nothing in the other', async () => {
    const service = aService();
    const a = createdId(await service.createSession(JSON.stringify(minimal)));
    const b = createdId(await service.createSession(minimal));
    expect(a).not.toBe(b);
    expect(await service.sessionCount()).toBe(2);
    expect(await service.call(a, `${ECS}.CreateCluster`, { clusterName: 'only-in-a' })).toMatchObject({ output: { cluster: { clusterName: 'only-in-a' } } });
    expect((await viewOf(service, a)).clusters.map((c) => c.clusterName)).toEqual(['default', 'a', 'only-in-a']);
    expect((await viewOf(service, b)).clusters.map((c) => c.clusterName)).toEqual(['default', 'a']);
    await service.closeSession(a);
    expect(await service.sessionCount()).toBe(1);
    expect(await service.call(a, `${ECS}.ListClusters`, {})).toEqual({ error: { code: 'ResourceNotFoundException', message: EMBED.unknownSession(a) } });
  });

  it('a session starts on a manual clock, even from a document exported on a realtime one', async () => {
    const service = aService();
    const realtime = createdId(await service.createSession([...minimal, { target: 'EcsSandbox.SetClock', input: { clock: 'realtime:5' } }]));
    expect((await viewOf(service, realtime)).clock.mode).toBe('manual');
    const exported = await service.call(realtime, 'EcsSandbox.ExportScenario', {});
    if ('error' in exported) throw new Error(exported.error.message);
    const fromDocument = await service.createSession(exported.output);
    if ('error' in fromDocument) throw new Error(fromDocument.error.message);
    expect(fromDocument.output.kind).toBe('document');
    expect((await viewOf(service, fromDocument.output.id)).clock.mode).toBe('manual');
  });

  it.each([
    // [what, scenario, code, message start]
    ['text that is not JSON', '{"calls": [', 'InvalidParameterException', 'The scenario is not valid JSON'],
    // the second call fails: the first (a cluster) is not kept either
    ['a failing call names its number and target', [...minimal, { target: `${ECS}.CreateService`, input: { cluster: 'nope', serviceName: 'x', taskDefinition: 'web', desiredCount: 1 } }],
      'ClusterNotFoundException', `Scenario call 2 (${ECS}.CreateService) failed: `],
  ])('a bad scenario is an error and opens no session: %s', async (_what, scenario, code, start) => {
    const service = aService();
    const out = await service.createSession(scenario);
    if (!('error' in out)) throw new Error('expected an error');
    expect(out.error.code).toBe(code);
    expect(out.error.message.startsWith(start)).toBe(true);
    expect(await service.sessionCount()).toBe(0);
  });

  it('resetSession puts the document back as the scenario left it, clock manual', async () => {
    const service = aService();
    const id = createdId(await service.createSession(minimal));
    await service.call(id, 'EcsSandbox.SetClock', { clock: 'realtime:10' });
    await service.call(id, `${ECS}.CreateCluster`, { clusterName: 'later' });
    expect(await service.resetSession(id)).toEqual({ output: { id } });
    const view = await viewOf(service, id);
    expect(view.clusters.map((c) => c.clusterName)).toEqual(['default', 'a']);
    expect(view.clock.mode).toBe('manual');
  });

  it('view with the current revision answers only the clock', async () => {
    const service = aService();
    const id = createdId(await service.createSession(minimal));
    const view = await viewOf(service, id);
    expect(await service.view(id, { sinceRevision: view.revision })).toEqual({ output: { unchanged: true, revision: view.revision, now: view.now } });
  });

  it('a what-if request opens a session on its scenario; whatIf on a plain scenario says so', async () => {
    expect(isWhatIfRequest({ scenario: 'demo', variants: [] })).toBe(true);
    expect(isWhatIfRequest(minimal)).toBe(false);
    const service = aService();
    const created = await service.createSession(JSON.stringify({ scenario: minimal, variants: [{ name: 'as is', changes: [] }] }));
    if ('error' in created) throw new Error(created.error.message);
    expect(created.output).toMatchObject({ kind: 'calls', whatIf: true });
    expect((await viewOf(service, created.output.id)).clusters.map((c) => c.clusterName)).toEqual(['default', 'a']);
    const plain = createdId(await service.createSession(minimal));
    expect(await service.whatIf(plain)).toEqual({ error: { code: 'InvalidParameterException', message: EMBED.notWhatIf } });
  });
});

describe('the example page (docs/example/index.html) scenarios', () => {
  const scenarios = exampleScenarios();

  it('has the four widgets of the three examples', () => {
    expect([...scenarios.keys()].sort()).toEqual(['binpack', 'bridge-discovery', 'rolling', 'spread']);
  });

  it('spread vs binpack on the same six instances: one task per instance, or all six on one', async () => {
    const service = aService();
    const placed = async (name: string) => {
      const id = createdId(await service.createSession(scenarios.get(name)!));
      expect(await service.call(id, 'EcsSandbox.AdvanceTime', { untilSteady: true, maxSeconds: 600 })).toMatchObject({ output: { steady: true } });
      const view = await viewOf(service, id);
      expect(view.instances).toHaveLength(6);
      return view.instances.map((i) => view.tasks.filter((t) => t.instanceId === i.id).length).sort((x, y) => y - x);
    };
    // spread(instanceId): 6 tasks over 6 instances → 1 each
    expect(await placed('spread')).toEqual([1, 1, 1, 1, 1, 1]);
    // binpack(memory): 6 × 512 MiB fits one m5.large, the least memory left wins every time
    expect(await placed('binpack')).toEqual([6, 0, 0, 0, 0, 0]);
  });

  it('the rolling deployment at 50/200 starts with two deployments and ends on web:2', async () => {
    const service = aService();
    const id = createdId(await service.createSession(scenarios.get('rolling')!));
    const before = (await viewOf(service, id)).services[0];
    // desiredCount 6 at 50/200 → MIN ceil(3) = 3, MAX floor(12) = 12
    expect(before).toMatchObject({ desiredCount: 6, running: 6, min: 3, max: 12 });
    expect(before.deployments.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
    expect(await service.call(id, 'EcsSandbox.AdvanceTime', { untilSteady: true, maxSeconds: 1200 })).toMatchObject({ output: { steady: true } });
    const after = (await viewOf(service, id)).services[0];
    expect(after.deployments).toHaveLength(1);
    expect(after.taskDefinition.endsWith('task-definition/web:2')).toBe(true);
    expect(after.events[0].message).toBe('(service web) has reached a steady state.');
  });

  it('bridge-mode discovery: one SRV record per task, each with its instance IP and dynamic host port', async () => {
    const service = aService();
    const id = createdId(await service.createSession(scenarios.get('bridge-discovery')!));
    expect(await service.call(id, 'EcsSandbox.AdvanceTime', { untilSteady: true, maxSeconds: 600 })).toMatchObject({ output: { steady: true } });
    const view = await viewOf(service, id);
    const records = view.discovery.flatMap((r) => r.instances.map((i) => ({ name: `${r.serviceName}.${r.namespaceName}`, ...i })));
    expect(records).toHaveLength(4);
    for (const r of records) {
      expect(r.name).toBe('web.docs.local');
      const task = view.tasks.find((t) => t.id === r.instanceId || r.instanceId.endsWith(t.id))!;
      expect(task).toBeDefined();
      const instance = view.instances.find((i) => i.id === task.instanceId)!;
      expect(r.ipv4).toBe(instance.privateIp);
      expect(r.port).toBe(String(task.hostPorts[0].hostPort)); // dynamic: from the ephemeral range (4.5)
    }
    expect(new Set(records.map((r) => `${r.ipv4}:${r.port}`)).size).toBe(4);
  });
});
