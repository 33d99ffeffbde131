// Loading a scenario into a running sandbox: `serve --scenario <name|file>` and the playground use it.
// A scenario is one of:
//   - `demo`, the built-in demo (demo-scenario.ts);
//   - a document: what ExportScenario returns, bare or as its `{scenario: …}` output, imported
//     with ImportScenario (so it replaces the whole document, clock and seed included);
//   - a list of calls, `[{target, input, region?, as?}, …]` or `{calls: [...]}`, run on the current
//     document (scenario-call.ts).
// Given as a value or as JSON text. All or nothing: when a call fails, the document is put back.
import type { SandboxApi } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { SANDBOX } from '../messages.ts';
import { anyJson, list, string, structure, validateSandboxInput } from '../api/validate/validate-sandbox-input.ts';
import { demoScenario } from './demo-scenario.ts';
import { runScenarioCalls, type ScenarioCall } from './scenario-call.ts';

export interface LoadedScenario {
  kind: 'demo' | 'calls' | 'document';
  /** The output of every call made, in order. */
  outputs: unknown[];
}

const CALLS = structure({
  calls: list(structure({ target: string(), input: anyJson, region: string(), as: string() }, ['target'])),
}, ['calls']);

function parse(source: unknown): unknown {
  if (typeof source !== 'string') return source;
  const text = source.trim();
  if (text === 'demo') return 'demo';
  if (!text.startsWith('{') && !text.startsWith('[')) {
    throw new AwsError('InvalidParameterException', SANDBOX.unknownScenario(text));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AwsError('InvalidParameterException', SANDBOX.scenarioNotJson((error as Error).message));
  }
}

function plan(api: SandboxApi, value: unknown): { kind: LoadedScenario['kind']; calls: ScenarioCall[] } {
  if (value === 'demo') return { kind: 'demo', calls: demoScenario({ accountId: api.document.accountId }) };
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (Array.isArray(value) || (isObject && 'calls' in value)) {
    const { calls } = validateSandboxInput<{ calls: ScenarioCall[] }>(CALLS, Array.isArray(value) ? { calls: value } : value);
    return { kind: 'calls', calls };
  }
  if (!isObject) throw new AwsError('InvalidParameterException', SANDBOX.unknownScenario(String(value)));
  // ExportScenario's output is `{scenario: document}`; a saved file may hold either form.
  const record = value as Record<string, unknown>;
  const scenario = 'scenario' in record && !('schemaVersion' in record) ? record.scenario : record;
  return { kind: 'document', calls: [{ target: 'EcsSandbox.ImportScenario', input: { scenario } }] };
}

export function loadScenario(api: SandboxApi, source: unknown): LoadedScenario {
  const { kind, calls } = plan(api, parse(source));
  const before = structuredClone(api.document);
  try {
    return { kind, outputs: runScenarioCalls(api, calls) };
  } catch (error) {
    api.replaceDocument(before);
    throw error;
  }
}
