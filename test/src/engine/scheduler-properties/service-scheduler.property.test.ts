// Properties of the service scheduler (semantics 9.3, 3.2, 9.9, 3.3) over random clusters, services
// and UpdateService/AdvanceTime sequences (test/builders/scheduler-scenarios.ts). No faults, and every
// task starts (the default behaviour: RUNNING after 10 s, exit at once on SIGTERM), no load balancer,
// so healthy = active and RUNNING (9.2).
//
// What 9.3 promises, per step and per service, with D, MIN, MAX, total, healthy, primary, old taken
// after the step's transitions (3.1 step 1), before the service step:
//   launch   k = max(0, min(D − primary, MAX − total)): the launches never take total above MAX;
//   retire   j = max(0, min(old, healthy − MIN)): the retirements never take healthy below MIN;
//   scale in s = max(0, primary − D): a desiredCount decrease stops PRIMARY tasks whatever MIN says.
// The checks below rebuild those quantities from the document after each one-second step: a task's
// createdAt, startedAt, stoppingAt and stoppedAt say where it stood when the service step ran.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SandboxApi } from '../../../../src/api/handler.ts';
import { newDocument } from '../../../../src/domain/new-document.ts';
import type { ServiceRecord, TaskRecord } from '../../../../src/domain/records.ts';
import type { RegionState } from '../../../../src/domain/sandbox-document.ts';
import type { PlacementCore } from '../../../../src/placement-core.ts';
import { literalPlacementCore } from '../../../../src/reference/literal-placement-core.ts';
import { loadSchedulerCore } from '../../../../src/wasm/load-scheduler-core.ts';
import { createWasmPlacementCore } from '../../../../src/wasm/wasm-placement-core.ts';
import {
  ECS, anyScenario, maxOf, minOf, opCalls, roomyScenario, scenarioCalls, setUpCalls, type Call, type ScenarioSpec,
} from '../../../builders/scheduler-scenarios.ts';

const RUNS = 200;
/** Generous: a loaded 2-core machine; the whole file takes well under 15 s on an idle one. */
const TIMEOUT = 30_000;
const REGION = 'us-east-1';

function call(api: SandboxApi, c: Call): any {
  return api.call(c.target, c.input).output;
}

const state = (api: SandboxApi): RegionState => api.document.regions[REGION];

interface Hooks {
  /** After each one-second step. */
  onStep?: (api: SandboxApi) => void;
  /** Before each one-second step. */
  beforeStep?: (api: SandboxApi) => void;
  /** After each call that is not AdvanceTime. */
  afterCall?: (api: SandboxApi) => void;
}

/**
 * Runs the scenario; with hooks, every AdvanceTime goes one second at a time (one scheduler step
 * each, D54) and the hooks see the document around each step and after every other call.
 */
function run(spec: ScenarioSpec, core: PlacementCore, hooks?: Hooks | ((api: SandboxApi) => void)): SandboxApi {
  const h: Hooks | undefined = typeof hooks === 'function' ? { onStep: hooks } : hooks;
  const api = new SandboxApi({ document: newDocument({ seed: 1 }), placementCore: core });
  call(api, { target: 'EcsSandbox.Reset', input: { seed: spec.seed, clock: 'manual' } });
  for (const c of setUpCalls(spec)) {
    call(api, c);
    h?.afterCall?.(api);
  }
  const revisions = spec.services.map(() => 1);
  for (const o of spec.ops) {
    for (const c of opCalls(o, revisions)) {
      if (h && c.target === 'EcsSandbox.AdvanceTime') {
        for (let k = 0; k < (c.input as { seconds: number }).seconds; k++) {
          h.beforeStep?.(api);
          call(api, { target: c.target, input: { seconds: 1 } });
          h.onStep?.(api);
        }
      } else {
        call(api, c);
        h?.afterCall?.(api);
      }
    }
  }
  return api;
}

function tasksOf(st: RegionState, service: ServiceRecord): TaskRecord[] {
  const ids = new Set(service.deployments.map((d) => d.id));
  return st.tasks.filter((t) => t.startedBy !== undefined && ids.has(t.startedBy) && t.clusterName === service.clusterName);
}

interface StepView {
  D: number; MIN: number; MAX: number;
  total: number; healthy: number; primary: number; old: number;
  launched: TaskRecord[]; retired: TaskRecord[]; scaledIn: TaskRecord[];
}

/** The service step at time t as the document shows it afterwards (see the header). */
function stepView(st: RegionState, service: ServiceRecord, t: number): StepView {
  const primaryId = service.deployments.find((d) => d.status === 'PRIMARY')!.id;
  const tasks = tasksOf(st, service);
  const launched = tasks.filter((x) => x.createdAt === t);
  const before = tasks.filter((x) => x.createdAt < t);
  const stopsBegun = before.filter((x) => x.stoppingAt === t);
  // live at the service step: not STOPPED now, or STOPPED by this very step (a PENDING task stops at once, 10)
  const live = before.filter((x) => x.lastStatus !== 'STOPPED' || (x.stoppedAt === t && x.stoppingAt === t));
  // active at the service step: still active now, or its stop began in this step
  const active = live.filter((x) => x.desiredStatus === 'RUNNING' || x.stoppingAt === t);
  const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
  return {
    D: service.desiredCount,
    MIN: minOf(service.desiredCount, minimumHealthyPercent),
    MAX: maxOf(service.desiredCount, maximumPercent),
    total: live.length,
    healthy: active.filter((x) => x.startedAt !== undefined && x.startedAt <= t).length,
    primary: active.filter((x) => x.startedBy === primaryId).length,
    old: active.filter((x) => x.startedBy !== primaryId).length,
    launched,
    retired: stopsBegun.filter((x) => x.startedBy !== primaryId),
    scaledIn: stopsBegun.filter((x) => x.startedBy === primaryId),
  };
}

/** Fails with `label` and the lazily built context when `ok` is false (expect per check is costly at ~10⁵ checks). */
function check(ok: boolean, label: string, context: () => unknown): void {
  if (!ok) expect.fail(`${label}: ${JSON.stringify(context())}`);
}

/** 9.3, checked on every service after one step. */
function checkStepBounds(api: SandboxApi): void {
  const st = state(api);
  const t = api.document.clock.nowMs;
  for (const service of st.services) {
    const v = stepView(st, service, t);
    const k = Math.max(0, Math.min(v.D - v.primary, v.MAX - v.total));
    const j = Math.max(0, Math.min(v.old, v.healthy - v.MIN));
    const s = Math.max(0, v.primary - v.D);
    const where = () => ({
      service: service.serviceName, at: (t - api.document.startedAt) / 1000, k, j, s,
      ...v, launched: v.launched.length, retired: v.retired.length, scaledIn: v.scaledIn.length,
    });
    // launches never take total above MAX (and never past D for PRIMARY)
    check(v.launched.length <= k, 'launches ≤ k', where);
    check(v.launched.length === 0 || v.total + v.launched.length <= v.MAX, 'total after launch ≤ MAX', where);
    // retirements never take healthy below MIN: exactly j old tasks go (D50: unhealthy ones first)
    check(v.retired.length === j, 'retirements = j', where);
    const healthyRetired = v.retired.filter((x) => x.startedAt !== undefined).length;
    check(v.retired.length === 0 || v.healthy - healthyRetired >= v.MIN, 'healthy after retirement ≥ MIN', where);
    // a desiredCount decrease scales in regardless of MIN: exactly s PRIMARY tasks go
    check(v.scaledIn.length === s, 'scale-ins = s', where);
  }
}

/** 3.2, 4.3, 4.4: live tasks' reservations never exceed what an instance registered. */
function checkNoOvercommit(api: SandboxApi): void {
  const st = state(api);
  // reservations change only when a task is created or stops: ask the API at those steps only
  const t = api.document.clock.nowMs;
  if (!st.tasks.some((x) => x.createdAt === t || x.stoppedAt === t)) return;
  const sizeOf = new Map(st.taskDefinitions.map((d) => {
    const c = d.definition.containerDefinitions[0];
    return [d.definition.taskDefinitionArn, { cpu: c.cpu ?? 0, memory: c.memory ?? 0 }];
  }));
  const described = call(api, { target: `${ECS}.DescribeContainerInstances`, input: { containerInstances: st.containerInstances.map((i) => i.id) } });
  for (const instance of described.containerInstances) {
    const id = instance.containerInstanceArn.slice(instance.containerInstanceArn.lastIndexOf('/') + 1);
    const live = st.tasks.filter((t) => t.containerInstanceId === id && t.lastStatus !== 'STOPPED');
    const held = live.reduce((sum, t) => ({ cpu: sum.cpu + sizeOf.get(t.taskDefinitionArn)!.cpu, memory: sum.memory + sizeOf.get(t.taskDefinitionArn)!.memory }), { cpu: 0, memory: 0 });
    const value = (list: { name: string; integerValue?: number }[], name: string) => list.find((r) => r.name === name)!.integerValue!;
    for (const name of ['CPU', 'MEMORY'] as const) {
      const registered = value(instance.registeredResources, name);
      const remaining = value(instance.remainingResources, name);
      const context = () => ({ instance: id, registered, remaining, held, at: (api.document.clock.nowMs - api.document.startedAt) / 1000 });
      check(remaining >= 0, `${name} remaining ≥ 0`, context);
      check(remaining === registered - (name === 'CPU' ? held.cpu : held.memory), `${name} remaining = registered − live reservations`, context);
    }
  }
}

const STEADY = (name: string) => `(service ${name}) has reached a steady state.`;

/** 9.9 as W18 and DescribeServices show it: one deployment, runningCount == desiredCount, nothing pending. */
function steadyServices(api: SandboxApi): Set<string> {
  const names = state(api).services.map((x) => x.serviceName);
  if (names.length === 0) return new Set();
  const { services } = call(api, { target: `${ECS}.DescribeServices`, input: { services: names } });
  return new Set(services.filter((x: any) => x.deployments.length === 1 && x.runningCount === x.desiredCount && x.pendingCount === 0).map((x: any) => x.serviceName));
}

/**
 * 9.9, 16.1, 10, 9.7 around every step: the steady-state event comes at the first step that leaves a
 * service steady (and at no other step of these short runs); the started event of a step lists
 * exactly the tasks it launched, in creation order; every stop the scheduler begins is announced by
 * exactly one stopped event at that step; an ACTIVE deployment with no live task is INACTIVE.
 * "Becomes steady": the service was not steady right before the step, or had never had the event
 * (owed). A service made unsteady by one call and steady again by the next, with no step between,
 * may or may not get the event again (9.9 does not say): `maybe`.
 */
function eventChecker() {
  const owed = new Map<string, boolean | 'maybe'>();
  // the steady services as of the last call or step
  let current = new Set<string>();
  return {
    afterCall(api: SandboxApi) {
      current = steadyServices(api);
      for (const x of state(api).services) if (!current.has(x.serviceName) && owed.get(x.serviceName) === false) owed.set(x.serviceName, 'maybe');
    },
    before(api: SandboxApi) {
      for (const x of state(api).services) if (!owed.has(x.serviceName) || !current.has(x.serviceName)) owed.set(x.serviceName, true);
    },
    after(api: SandboxApi) {
      const st = state(api);
      const t = api.document.clock.nowMs;
      // steadiness changes only with a task transition or a deployment's status (9.9): ask the API then
      const moved = st.tasks.some((x) => x.createdAt === t || x.startedAt === t || x.stoppedAt === t)
        || st.services.some((x) => x.deployments.some((d) => d.updatedAt === t));
      const steadyNow = moved ? (current = steadyServices(api)) : current;
      for (const service of st.services) {
        const name = service.serviceName;
        const at = service.eventLog.filter((e) => e.createdAt === t).map((e) => e.message);
        const where = () => ({ service: name, at: (t - api.document.startedAt) / 1000, events: at });
        const steadyEvent = at.includes(STEADY(name));
        if (owed.get(name) !== 'maybe' || !steadyNow.has(name)) {
          check(steadyEvent === (steadyNow.has(name) && owed.get(name) === true), `steady event iff newly steady (steady: ${steadyNow.has(name)}, owed: ${owed.get(name)})`, where);
        }
        if (steadyEvent) owed.set(name, false);
        if (!steadyNow.has(name)) owed.set(name, true);
        // started: the tasks created at t, in creation order, in one event
        const tasks = tasksOf(st, service);
        const launched = tasks.filter((x) => x.createdAt === t).map((x) => `(task ${x.id})`);
        const started = at.filter((m) => m.startsWith(`(service ${name}) has started `));
        const startedWanted = launched.length === 0 ? [] : [`(service ${name}) has started ${launched.length} tasks: ${launched.join(' ')}.`];
        check(JSON.stringify(started) === JSON.stringify(startedWanted), `started event = ${JSON.stringify(startedWanted)}`, where);
        // stopped: every stop begun at t, in one event (no load balancer: SIGTERM at once, 10)
        const stops = tasks.filter((x) => x.stoppingAt === t);
        const stopped = at.filter((m) => m.startsWith(`(service ${name}) has stopped `));
        check(stopped.length === (stops.length === 0 ? 0 : 1), `one stopped event for ${stops.length} stops`, where);
        if (stops.length > 0) {
          check(JSON.stringify(idsOf(stopped[0])) === JSON.stringify(stops.map((x) => x.id).sort()), `stopped event names ${stops.map((x) => x.id)}`, where);
          check(stopped[0].startsWith(`(service ${name}) has stopped ${stops.length} running tasks: `), 'stopped event text', where);
        }
        // events of a step: started, then stopped, then steady (3.1)
        const order = ['has started', 'has stopped', 'steady state'].map((k) => at.findIndex((m) => m.includes(k))).filter((i) => i >= 0);
        check(order.every((x, i) => i === 0 || order[i - 1] < x), 'event order started → stopped → steady', where);
        // 9.7 bookkeeping
        const live = new Set(tasks.filter((x) => x.lastStatus !== 'STOPPED').map((x) => x.startedBy));
        check(service.deployments.filter((d) => d.status === 'PRIMARY').length === 1, 'one PRIMARY deployment', where);
        for (const d of service.deployments.filter((x) => x.status === 'ACTIVE')) check(live.has(d.id), `ACTIVE ${d.id} has a live task`, where);
      }
    },
  };
}

const idsOf = (message: string) => [...message.matchAll(/\(task ([0-9a-f-]{36})\)/g)].map((m) => m[1]).sort();

/** The scenario and the seed, for a failure report. */
const show = (spec: ScenarioSpec) => JSON.stringify(spec);

describe('service scheduler properties (semantics 9.3, 3.2, 9.9, 3.3)', () => {
  let wasm: PlacementCore;
  beforeAll(async () => {
    wasm = createWasmPlacementCore(await loadSchedulerCore({ bytes: readFileSync(new URL('../../../../build/scheduler-core.wasm', import.meta.url)) }));
  });

  it(`9.3 per step: launches ≤ k and never past MAX; exactly j retirements, never below MIN; exactly s scale-ins (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyScenario, (spec) => {
      run(spec, literalPlacementCore, checkStepBounds);
    }), { numRuns: RUNS, seed: 9301, endOnFailure: true });
  }, TIMEOUT);

  it(`no overcommit: after every step, remainingResources = registered − live reservations ≥ 0 (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyScenario, (spec) => {
      run(spec, literalPlacementCore, checkNoOvercommit);
    }), { numRuns: RUNS, seed: 3202, endOnFailure: true });
  }, TIMEOUT);

  it(`convergence: with room for MAX tasks, AdvanceTime untilSteady is steady with exactly D RUNNING PRIMARY tasks (${RUNS} runs)`, () => {
    fc.assert(fc.property(roomyScenario, (spec) => {
      const api = run(spec, literalPlacementCore, (a) => {
        // with room for everything, every launch the step allows is placed (4.11 never fires)
        const st = state(a);
        for (const service of st.services) {
          const v = stepView(st, service, a.document.clock.nowMs);
          const k = Math.max(0, Math.min(v.D - v.primary, v.MAX - v.total));
          check(v.launched.length === k, 'all k launches placed', () => ({ service: service.serviceName, k, ...v, launched: v.launched.length }));
        }
      });
      const out = call(api, { target: 'EcsSandbox.AdvanceTime', input: { untilSteady: true, maxSeconds: 3600 } });
      expect(out.steady, show(spec)).toBe(true);
      const st = state(api);
      for (const service of st.services) {
        const primary = service.deployments.find((d) => d.status === 'PRIMARY')!;
        expect(service.deployments.filter((d) => d.status !== 'INACTIVE'), service.serviceName).toEqual([primary]);
        const live = tasksOf(st, service).filter((t) => t.lastStatus !== 'STOPPED');
        expect(live.length, `${service.serviceName} live tasks`).toBe(service.desiredCount);
        for (const t of live) expect({ lastStatus: t.lastStatus, desiredStatus: t.desiredStatus, startedBy: t.startedBy }).toEqual({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING', startedBy: primary.id });
        expect(service.stuck).toBeUndefined();
      }
      // 9.9: the first step that sees a service steady emits the steady-state event (a service steady
      // before any step, e.g. desiredCount 0 from the start, gets it at the next step)
      call(api, { target: 'EcsSandbox.AdvanceTime', input: { seconds: 1 } });
      for (const service of st.services) {
        expect(service.eventLog.at(-1)?.message, service.serviceName).toBe(`(service ${service.serviceName}) has reached a steady state.`);
      }
      const described = call(api, { target: `${ECS}.DescribeServices`, input: { services: st.services.map((x) => x.serviceName) } });
      for (const s of described.services) {
        expect(s.deployments).toHaveLength(1);
        expect({ running: s.runningCount, pending: s.pendingCount }).toEqual({ running: s.desiredCount, pending: 0 });
      }
    }), { numRuns: RUNS, seed: 9909, endOnFailure: true });
  }, TIMEOUT);

  it(`9.9, 16, 10, 9.7 per step: steady, started and stopped events and deployment bookkeeping (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyScenario, (spec) => {
      const checker = eventChecker();
      run(spec, literalPlacementCore, { onStep: checker.after, beforeStep: checker.before, afterCall: checker.afterCall });
    }), { numRuns: RUNS, seed: 1616, endOnFailure: true });
  }, TIMEOUT);

  it(`determinism: the same seed and calls twice give byte-identical documents (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyScenario, (spec) => {
      const a = JSON.stringify(run(spec, literalPlacementCore).document);
      const b = JSON.stringify(run(spec, literalPlacementCore).document);
      expect(a === b).toBe(true);
    }), { numRuns: RUNS, seed: 3303, endOnFailure: true });
  }, TIMEOUT);

  it(`determinism: the WASM core and the literal TS core give byte-identical event logs and documents (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyScenario, (spec) => {
      const ts = run(spec, literalPlacementCore);
      const wa = run(spec, wasm);
      try {
        const logs = (api: SandboxApi) => JSON.stringify(state(api).services.map((s) => s.eventLog));
        expect(logs(wa)).toBe(logs(ts));
        expect(JSON.stringify(wa.document) === JSON.stringify(ts.document)).toBe(true);
      } finally {
        wa.dispose();
      }
    }), { numRuns: RUNS, seed: 3304, endOnFailure: true });
  }, TIMEOUT);

  it(`determinism: AdvanceTime in one call or one second at a time gives the same document (D54) (${RUNS} runs)`, () => {
    fc.assert(fc.property(anyScenario, (spec) => {
      const whole = JSON.stringify(run(spec, literalPlacementCore).document);
      const stepped = JSON.stringify(run(spec, literalPlacementCore, {}).document);
      expect(stepped === whole).toBe(true);
    }), { numRuns: RUNS, seed: 5454, endOnFailure: true });
  }, TIMEOUT);

  it('the scenario list compiles to the calls the Node runner makes (the browser test replays it)', () => {
    const spec: ScenarioSpec = {
      seed: 7, azCount: 1, instances: [{ az: 0, cpu: 1024, memory: 1024 }],
      services: [{ desired: 1, min: 50, max: 200, strategy: 0, distinct: false, size: 0 }],
      ops: [{ kind: 'deploy', service: 0, size: 1 }, { kind: 'advance', seconds: 30 }],
    };
    const viaList = new SandboxApi({ document: newDocument({ seed: 1 }) });
    for (const c of scenarioCalls(spec)) call(viaList, c);
    expect(JSON.stringify(viaList.document)).toBe(JSON.stringify(run(spec, literalPlacementCore).document));
  });
});
