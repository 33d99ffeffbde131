// A scenario as a list of API calls, run in order through SandboxApi. A call may name its result
// (`as`), and a later input may use a whole-string reference `${name.path.to.member}` to it: that is
// how a scenario passes on ids the sandbox draws (a namespace id, a registry ARN), as Terraform would.
import type { SandboxApi } from '../api/handler.ts';
import { AwsError } from '../api/aws-error.ts';
import { SANDBOX } from '../messages.ts';

export interface ScenarioCall {
  /** Full target, e.g. `AmazonEC2ContainerServiceV20141113.CreateService`. */
  target: string;
  input?: unknown;
  /** Defaults to us-east-1, as an unsigned request does. */
  region?: string;
  /** A name for this call's output, for references in later inputs. */
  as?: string;
}

const REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z0-9_]+)*)\}$/;

/** Replaces every whole-string reference in `value` by the member it names. Throws AwsError on a dangling one. */
export function resolveReferences(value: unknown, results: ReadonlyMap<string, unknown>): unknown {
  if (typeof value === 'string') {
    const m = REFERENCE.exec(value);
    if (!m) return value;
    let found: unknown = results.has(m[1]) ? results.get(m[1]) : undefined;
    for (const key of m[2].split('.').slice(1)) {
      found = found !== null && typeof found === 'object' ? (found as Record<string, unknown>)[key] : undefined;
    }
    if (found === undefined) throw new AwsError('InvalidParameterException', SANDBOX.unresolvedReference(value));
    return found;
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, results));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, results)]));
  }
  return value;
}

/**
 * Runs the calls in order and returns each output. The first failure stops the run and is rethrown
 * as the same error code with the call's number and target in front of its message; the caller
 * decides what to do with the calls already made (loadScenario puts the document back).
 */
export function runScenarioCalls(api: SandboxApi, calls: readonly ScenarioCall[]): unknown[] {
  const results = new Map<string, unknown>();
  return calls.map((call, i) => {
    try {
      const input = resolveReferences(call.input ?? {}, results);
      const { output } = api.call(call.target, input, { region: call.region });
      if (call.as) results.set(call.as, output);
      return output;
    } catch (error) {
      const e = error instanceof AwsError ? error : new AwsError('ServerException', String(error), 500);
      throw new AwsError(e.code, SANDBOX.scenarioCallFailed(i + 1, call.target, e.message), e.httpStatus);
    }
  });
}
