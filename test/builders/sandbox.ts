// A sandbox for tests: a manual clock, a fixed seed, and helpers that call ECS operations by name.
import { expect } from 'vitest';
import { SandboxApi } from '../../src/api/handler.ts';
import { AwsError } from '../../src/api/aws-error.ts';
import { newDocument, type NewDocumentOptions } from '../../src/domain/new-document.ts';

export const ECS = 'AmazonEC2ContainerServiceV20141113';
export const SD = 'Route53AutoNaming_v20170314';
export const SANDBOX = 'EcsSandbox';

export interface TestSandbox {
  api: SandboxApi;
  /** Calls `AmazonEC2ContainerServiceV20141113.<op>` and returns its output. */
  ecs<T = any>(op: string, input?: unknown, region?: string): T;
  sd<T = any>(op: string, input?: unknown, region?: string): T;
  sandbox<T = any>(op: string, input?: unknown, region?: string): T;
  /** Calls a full target and returns the AwsError it must throw; asserts that state did not change. */
  error(target: string, input?: unknown, region?: string): AwsError;
  ecsError(op: string, input?: unknown, region?: string): AwsError;
  snapshot(): string;
}

export function aSandbox(options: NewDocumentOptions = {}): TestSandbox {
  // every placement batch is checked against the literal builder and core (engine/placement/place-batch.ts)
  const api = new SandboxApi({ document: newDocument({ seed: 42, ...options }), verifyPlacement: true });
  const call = (target: string, input: unknown, region?: string) => api.call(target, input ?? {}, { region }).output as any;
  const snapshot = () => JSON.stringify(api.document);
  const error = (target: string, input?: unknown, region?: string): AwsError => {
    // Touch the region first, so creating it on first use does not count as a change.
    api.call(`${ECS}.ListClusters`, {}, { region });
    const before = snapshot();
    try {
      api.call(target, input ?? {}, { region });
    } catch (e) {
      expect(e).toBeInstanceOf(AwsError);
      expect(snapshot(), 'a failed call must change no state').toBe(before);
      return e as AwsError;
    }
    throw new Error(`${target} succeeded, but an error was expected`);
  };
  return {
    api,
    ecs: (op, input, region) => call(`${ECS}.${op}`, input, region),
    sd: (op, input, region) => call(`${SD}.${op}`, input, region),
    sandbox: (op, input, region) => call(`${SANDBOX}.${op}`, input, region),
    error,
    ecsError: (op, input, region) => error(`${ECS}.${op}`, input, region),
    snapshot,
  };
}
