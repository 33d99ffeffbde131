import type { OperationContext } from '../../operation-context.ts';
import type { SandboxDocument } from '../../../domain/sandbox-document.ts';
import { structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';

const EXPORT_SCENARIO = structure({});

/**
 * The whole document: seed, clock, random streams and every region's state, as versioned JSON
 * (src/domain/sandbox-document.ts). ImportScenario of it restores this exact world, so the same
 * calls afterwards give the same answers.
 */
export function exportScenario(ctx: OperationContext, input: unknown): { scenario: SandboxDocument } {
  validateSandboxInput(EXPORT_SCENARIO, input);
  // A copy: the caller may hold on to it while the sandbox moves on.
  return { scenario: structuredClone(ctx.doc) };
}
