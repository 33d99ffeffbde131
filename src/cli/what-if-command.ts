// `ecs-sandbox what-if SCENARIO [--variants FILE] [--seeds N] [--max-seconds N] [--format text|json|md]`:
// the what-if core (src/whatif) headless in Node, the comparison on stdout. The variants file holds a
// WhatIfRequest without its scenario (which comes from the command line), or a bare list of variants;
// without one, the scenario as it is is reported. Exit 0, or 1 with a message naming the file and the
// JSON path of the fault.
import { AwsError } from '../api/aws-error.ts';
import type { PlacementCore } from '../placement-core.ts';
import { literalPlacementCore } from '../reference/literal-placement-core.ts';
import { formatWhatIf } from '../whatif/format-what-if.ts';
import { runWhatIf } from '../whatif/run-what-if.ts';
import type { WhatIfRequest } from '../whatif/what-if-types.ts';
import { readScenarioArgument } from './check-command.ts';
import { CliInputError } from './cli-input-error.ts';
import { CLI } from '../messages.ts';
import type { CommandIo } from './command-io.ts';
import { loadCheckedScenario } from './load-checked-scenario.ts';
import type { OutputFormat } from './output-format.ts';
import { progressLine } from './progress-line.ts';
import { readJsonFile } from './read-json-file.ts';

export interface WhatIfCommandOptions {
  /** A scenario file, or `demo`. */
  scenario: string;
  /** The variants file; absent: the scenario as it is. */
  variants?: string;
  format: OutputFormat;
  /** Override the file's `seeds` and `maxSeconds`. */
  seeds?: number;
  maxSeconds?: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The request without its scenario: the variants file's content, or one variant that changes nothing. */
export function requestFromVariants(file: string | undefined, value: unknown): Omit<WhatIfRequest, 'scenario'> {
  if (file === undefined) return { variants: [{ name: CLI.asIs, changes: [] }] };
  if (Array.isArray(value)) return { variants: value };
  if (!isObj(value)) throw new CliInputError(CLI.badVariants(file, CLI.variantsShape));
  if ('scenario' in value) throw new CliInputError(CLI.badVariants(file, CLI.variantsScenario));
  return value as unknown as Omit<WhatIfRequest, 'scenario'>;
}

export async function runWhatIfCommand(options: WhatIfCommandOptions, io: CommandIo, placementCore?: PlacementCore): Promise<number> {
  const fail = (message: string) => {
    for (const line of message.split('\n')) io.err(`ecs-sandbox what-if: ${line}`);
    return 1;
  };
  let request: WhatIfRequest;
  let bareList = false;
  try {
    const scenario = await readScenarioArgument(options.scenario);
    // the same scrutiny as check: a scenario fault names the scenario file and its place
    loadCheckedScenario(options.scenario, scenario, placementCore).dispose();
    const variants = options.variants === undefined ? undefined : await readJsonFile(options.variants);
    bareList = Array.isArray(variants);
    request = {
      ...requestFromVariants(options.variants, variants),
      scenario,
      ...(options.seeds !== undefined ? { seeds: options.seeds } : {}),
      ...(options.maxSeconds !== undefined ? { maxSeconds: options.maxSeconds } : {}),
    };
  } catch (error) {
    if (error instanceof CliInputError) return fail(error.message);
    throw error;
  }

  const progress = progressLine(io.progress);
  const names = Array.isArray(request.variants) ? request.variants.map((v) => String((v as { name?: unknown })?.name ?? '')) : [];
  const runsPerVariant = Number.isSafeInteger(request.seeds) && request.seeds! >= 1 ? request.seeds! : 1;
  // runWhatIf runs variant by variant, every seed of one before the next (run-what-if.ts)
  const showRun = (run: number, total: number) =>
    progress.show(CLI.whatIfProgress(run, total, names[Math.floor((run - 1) / runsPerVariant)] ?? ''));
  try {
    if (names.length > 0) showRun(1, names.length * runsPerVariant);
    const report = runWhatIf(request, {
      placementCore: () => placementCore ?? literalPlacementCore,
      onProgress: (done, total) => {
        if (done < total) showRun(done + 1, total);
      },
    });
    progress.clear();
    io.out(formatWhatIf(report, options.format).replace(/\n$/, ''));
    return 0;
  } catch (error) {
    progress.clear();
    if (!(error instanceof AwsError)) throw error;
    // the request's paths (`variants[2].changes[0]…`) are the file's, less `variants` for a bare list
    const message = bareList && error.message.startsWith('variants[') ? error.message.slice('variants'.length) : error.message;
    return fail(options.variants === undefined ? CLI.whatIfFailed(message) : CLI.badVariants(options.variants, message));
  }
}
