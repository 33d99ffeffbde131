// `check`'s scenario load: loadScenario on a fresh sandbox with a manual clock (the scenario's own
// seed when it is a document), refusing what the sandbox would silently ignore (unknown-members.ts)
// and service definitions that cannot run: a task definition the region does not hold, a memberOf
// expression that does not parse (the API refuses both at creation, so this catches edited documents).
import { SandboxApi, type CallResult } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { CLI, SANDBOX } from '../messages.ts';
import { newDocument } from '../domain/new-document.ts';
import type { PlacementCore } from '../placement-core.ts';
import { restoreDocument } from '../persistence/restore-document.ts';
import { parseQuery } from '../query/parse-query.ts';
import { loadScenario } from '../scenarios/load-scenario.ts';
import { CliInputError } from './cli-input-error.ts';
import { droppedMembers, type UnknownMember } from './unknown-members.ts';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The document a value names, as loadScenario reads it (`{scenario: …}` or bare), or undefined for calls and `demo`. */
function documentOf(value: unknown): unknown {
  if (!isObj(value) || 'calls' in value) return undefined;
  return 'scenario' in value && !('schemaVersion' in value) ? value.scenario : value;
}

function describe(file: string, member: UnknownMember): string {
  if (member.call) return CLI.unknownCallMember(file, member.call.index, member.call.target, member.path);
  return member.notAnObject ? CLI.notAnObjectEntry(file, member.path) : CLI.unknownDocumentMember(file, member.path);
}

/**
 * A sandbox holding the scenario, its clock manual. Throws CliInputError (the message names `file`
 * and the place of the fault) when the scenario does not load or holds members the sandbox ignores.
 */
export function loadCheckedScenario(file: string, value: unknown, placementCore?: PlacementCore): SandboxApi {
  const api = new SandboxApi({ document: newDocument({ clock: 'manual' }), ...(placementCore ? { placementCore } : {}) });
  const unknown: UnknownMember[] = [];
  // Record each call's unknown members; runScenarioCalls numbers calls from 1 in the same order.
  const call = api.call.bind(api);
  let index = 0;
  api.call = (target, input, meta): CallResult => {
    index++;
    const result = call(target, input, meta);
    for (const path of result.unknownMembers) unknown.push({ path, call: { index, target } });
    return result;
  };
  try {
    loadScenario(api, value);
  } catch (error) {
    api.dispose();
    if (error instanceof AwsError) {
      // a document is one ImportScenario call: its restore message alone names the place
      const importPrefix = SANDBOX.scenarioCallFailed(1, 'EcsSandbox.ImportScenario', '');
      const message = documentOf(value) !== undefined && error.message.startsWith(importPrefix)
        ? error.message.slice(importPrefix.length) : error.message;
      throw new CliInputError(CLI.invalidScenario(file, message));
    }
    throw error;
  } finally {
    api.call = call;
  }

  const document = documentOf(value);
  if (document !== undefined) {
    const restored = restoreDocument(document, 'scenario');
    // after a migration the members have moved; compare only documents of the current schema
    if (restored.ok && restored.migrations.length === 0) droppedMembers(document, restored.document, 'scenario', unknown);
  }
  const problems = [...unknown.map((m) => describe(file, m)), ...serviceProblems(api).map((p) => CLI.invalidScenario(file, p))];
  if (problems.length > 0) {
    api.dispose();
    throw new CliInputError(problems.join('\n'));
  }
  // a document brings its own clock; check runs on the manual one
  api.document.clock.mode = 'manual';
  api.reanchorClock();
  return api;
}

/** `regions.<r>.services[i]…: problem` for each ACTIVE service that cannot run as defined. */
function serviceProblems(api: SandboxApi): string[] {
  const problems: string[] = [];
  for (const [region, state] of Object.entries(api.document.regions)) {
    const arns = new Set(state.taskDefinitions.map((t) => t.definition.taskDefinitionArn));
    state.services.forEach((service, i) => {
      if (service.status !== 'ACTIVE') return;
      const at = `scenario.regions.${region}.services[${i}]`;
      if (!arns.has(service.taskDefinition)) {
        problems.push(`${at}.taskDefinition: service ${service.serviceName} names ${service.taskDefinition}, which the scenario does not contain`);
      }
      service.placementConstraints.forEach((constraint, j) => {
        if (constraint.type !== 'memberOf') return;
        try {
          parseQuery(constraint.expression ?? '');
        } catch (error) {
          problems.push(`${at}.placementConstraints[${j}].expression: ${(error as Error).message}`);
        }
      });
    });
  }
  return problems;
}
