// `ecs-sandbox check SCENARIO [--max-seconds N] [--format text|json|md]`: exit 0 when every ACTIVE
// service reaches steady state with desiredCount RUNNING, both from the scenario and after a forced
// deployment; 2 (as `nomad job plan` exits 2 when allocations would fail) when a task cannot be placed
// or a deployment is stuck, one reason per service on stdout; 1 on a scenario that cannot be read.
import type { PlacementCore } from '../placement-core.ts';
import { checkScenario } from './check-scenario.ts';
import { CliInputError } from './cli-input-error.ts';
import { CLI } from '../messages.ts';
import type { CommandIo } from './command-io.ts';
import { formatCheck } from './format-check.ts';
import { loadCheckedScenario } from './load-checked-scenario.ts';
import type { OutputFormat } from './output-format.ts';
import { progressLine } from './progress-line.ts';
import { readJsonFile } from './read-json-file.ts';

export interface CheckCommandOptions {
  /** A scenario file, or `demo`. */
  scenario: string;
  format: OutputFormat;
  maxSeconds?: number;
}

export const CHECK_EXIT = { ok: 0, badInput: 1, failed: 2 } as const;

/** Reads a scenario argument: the built-in demo, or a JSON file. */
export async function readScenarioArgument(scenario: string): Promise<unknown> {
  return scenario === 'demo' ? 'demo' : readJsonFile(scenario);
}

export async function runCheckCommand(options: CheckCommandOptions, io: CommandIo, placementCore?: PlacementCore): Promise<number> {
  const progress = progressLine(io.progress);
  let api;
  try {
    api = loadCheckedScenario(options.scenario, await readScenarioArgument(options.scenario), placementCore);
  } catch (error) {
    if (!(error instanceof CliInputError)) throw error;
    for (const line of error.message.split('\n')) io.err(`ecs-sandbox check: ${line}`);
    return CHECK_EXIT.badInput;
  }
  try {
    const report = checkScenario(api, {
      ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
      onProgress: (step, steps, label, seconds, maxSeconds) =>
        progress.show(`${CLI.checkProgress(step, steps, label)} ${seconds}/${maxSeconds} s`),
    });
    progress.clear();
    io.out(formatCheck(report, options.format));
    return report.ok ? CHECK_EXIT.ok : CHECK_EXIT.failed;
  } finally {
    progress.clear();
    api.dispose();
  }
}
