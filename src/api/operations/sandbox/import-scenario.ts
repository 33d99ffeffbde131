import type { OperationContext } from '../../operation-context.ts';
import type { SandboxApi } from '../../handler.ts';
import { restoreDocument } from '../../../persistence/restore-document.ts';
import { invalidParameter } from '../../aws-error.ts';
import { SANDBOX } from '../../../messages.ts';
import { anyJson, structure, validateSandboxInput } from '../../validate/validate-sandbox-input.ts';

const IMPORT_SCENARIO = structure({ scenario: anyJson }, ['scenario']);

export interface ImportScenarioOutput {
  accountId: string;
  schemaVersion: number;
  /** Migrations applied to bring the scenario to the current schema, oldest first. */
  migrations: string[];
}

/**
 * Replaces the whole document with `scenario`, an ExportScenario result of this or an older schema.
 * All or nothing: the scenario is restored completely (restore-document.ts) before anything is
 * replaced, and a scenario that cannot be restored is InvalidParameterException naming the member
 * at fault. The clock continues from the scenario's time.
 */
export function importScenario(_ctx: OperationContext, input: unknown, api: SandboxApi): ImportScenarioOutput {
  const { scenario } = validateSandboxInput<{ scenario: unknown }>(IMPORT_SCENARIO, input);
  const restored = restoreDocument(scenario, 'scenario');
  if (!restored.ok) throw invalidParameter(SANDBOX.invalidScenario(restored.path, restored.problem));
  api.replaceDocument(restored.document);
  return {
    accountId: restored.document.accountId,
    schemaVersion: restored.document.schemaVersion,
    migrations: restored.migrations,
  };
}
