// `ecs-sandbox check`: runs a loaded scenario to steady state, then forces a new deployment of every
// ACTIVE service (UpdateService forceNewDeployment, semantics 9.6) and runs to steady state again, as
// a CI gate before a service definition ships (the idea of `nomad job plan`). Each phase advances the
// manual clock until every region is steady (AdvanceTime untilSteady's condition, 9.9 and W18,
// over all regions) or maxSeconds have passed.
import type { SandboxApi } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { ECS_TARGET_PREFIX } from '../api/operations/registry.ts';
import { advanceClock } from '../engine/clock.ts';
import { isRegionSteady } from '../engine/steady-state.ts';
import type { SandboxDocument } from '../domain/sandbox-document.ts';
import type { CheckPhase, CheckReport, PhaseRun, ServiceCheck } from './check-report.ts';
import { CLI } from '../messages.ts';
import { serviceVerdict } from './service-verdict.ts';

export const DEFAULT_MAX_SECONDS = 3600;
/** The clock moves in slices of this many simulated seconds, so progress can be shown between them. */
const SLICE_SECONDS = 300;

export interface CheckOptions {
  maxSeconds?: number;
  /** Called before each phase and after each slice of simulated time. */
  onProgress?: (step: number, steps: number, label: string, seconds: number, maxSeconds: number) => void;
}

interface ServiceRef {
  region: string;
  cluster: string;
  service: string;
}

const allSteady = (doc: SandboxDocument) => Object.values(doc.regions).every(isRegionSteady);

function activeServices(doc: SandboxDocument): ServiceRef[] {
  return Object.entries(doc.regions).flatMap(([region, state]) =>
    state.services.filter((s) => s.status === 'ACTIVE').map((s) => ({ region, cluster: s.clusterName, service: s.serviceName })));
}

function recordOf(doc: SandboxDocument, ref: ServiceRef) {
  return doc.regions[ref.region]?.services.find((s) => s.clusterName === ref.cluster && s.serviceName === ref.service);
}

/** Advances until every region is steady or maxSeconds passed; returns the phase's run. */
function runPhase(api: SandboxApi, phase: CheckPhase, step: number, options: Required<Pick<CheckOptions, 'maxSeconds'>> & CheckOptions): PhaseRun {
  const doc = api.document;
  const start = doc.clock.nowMs;
  const end = start + options.maxSeconds * 1000;
  const label = phase === 'steady' ? CLI.phase.steady : CLI.phase.deployment;
  options.onProgress?.(step, 2, label, 0, options.maxSeconds);
  let steady = allSteady(doc);
  while (!steady && doc.clock.nowMs < end) {
    const target = Math.min(end, doc.clock.nowMs + SLICE_SECONDS * 1000);
    const result = advanceClock(doc, target, api, allSteady);
    api.revision++;
    steady = result.stopped;
    options.onProgress?.(step, 2, label, Math.round((doc.clock.nowMs - start) / 1000), options.maxSeconds);
  }
  api.reanchorClock();
  return { phase, seconds: Math.round((doc.clock.nowMs - start) / 1000), steady };
}

/** Checks every ACTIVE service of the sandbox's scenario (the sandbox is changed: its clock moves). */
export function checkScenario(api: SandboxApi, options: CheckOptions = {}): CheckReport {
  const opts = { ...options, maxSeconds: options.maxSeconds ?? DEFAULT_MAX_SECONDS };
  const services = activeServices(api.document);
  const results = new Map<ServiceRef, ServiceCheck>();
  const judge = (phase: CheckPhase, seconds: number) => {
    for (const ref of services) {
      if (results.get(ref)?.outcome !== undefined && results.get(ref)!.outcome !== 'ok') continue; // the first failure stands
      const record = recordOf(api.document, ref);
      const state = api.document.regions[ref.region];
      if (!record || !state) continue;
      const verdict = serviceVerdict(state, record, seconds);
      results.set(ref, { region: ref.region, ...verdict, ...(verdict.outcome === 'ok' ? {} : { phase }) });
    }
  };

  const first = runPhase(api, 'steady', 1, opts);
  judge('steady', first.seconds);

  // 9.6: forceNewDeployment starts a new deployment even when nothing else changes
  for (const ref of services) {
    const record = recordOf(api.document, ref);
    if (!record || record.status !== 'ACTIVE') continue;
    try {
      api.call(`${ECS_TARGET_PREFIX}.UpdateService`, { cluster: ref.cluster, service: ref.service, forceNewDeployment: true }, { region: ref.region });
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      const before = results.get(ref);
      if (!before || before.outcome !== 'ok') continue;
      results.set(ref, { ...before, outcome: 'refused', phase: 'deployment', reason: CLI.refused(error.message) });
    }
  }
  const second = runPhase(api, 'deployment', 2, opts);
  judge('deployment', second.seconds);

  const list = services.map((ref) => results.get(ref)!).filter((r) => r !== undefined);
  return { ok: list.every((r) => r.outcome === 'ok'), maxSeconds: opts.maxSeconds, phases: [first, second], services: list };
}
