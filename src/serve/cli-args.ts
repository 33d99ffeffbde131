// `ecs-sandbox serve [--port 4566] [--host 127.0.0.1] [--scenario FILE|demo]
// [--clock manual|realtime|realtime:N] [--seed N]`, `ecs-sandbox check SCENARIO …` and
// `ecs-sandbox what-if SCENARIO …`: argv → options, or help, or an error to print.
import type { ClockMode } from '../domain/sandbox-document.ts';
// The same spelling EcsSandbox.Reset {clock} accepts (semantics 3.1).
import { parseClock } from '../api/operations/sandbox/reset.ts';
import { MAX_ADVANCE_SECONDS } from '../engine/clock.ts';
import type { CheckCommandOptions } from '../cli/check-command.ts';
import type { WhatIfCommandOptions } from '../cli/what-if-command.ts';
import { OUTPUT_FORMATS, isOutputFormat } from '../cli/output-format.ts';
import { MAX_SEEDS } from '../whatif/validate-what-if.ts';

export interface ServeOptions {
  port: number;
  host: string;
  /** `demo`, or a path to a scenario JSON file. */
  scenario?: string;
  clock: { mode: ClockMode; speed: number };
  seed?: number;
}

export type ParsedArgs =
  | { kind: 'serve'; options: ServeOptions }
  | { kind: 'check'; options: CheckCommandOptions }
  | { kind: 'what-if'; options: WhatIfCommandOptions }
  | { kind: 'help' }
  /** `command` is set for check and what-if, whose refused arguments exit 1 (2 means a failed check). */
  | { kind: 'error'; message: string; command?: 'check' | 'what-if' };

export const DEFAULT_PORT = 4566;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Usage: ecs-sandbox serve [options]
       ecs-sandbox check SCENARIO [--max-seconds N] [--format text|json|md]
       ecs-sandbox what-if SCENARIO [--variants FILE] [--seeds N] [--max-seconds N] [--format text|json|md]

serve: serves the Amazon ECS API as it stood on 2018-05-22 (AWS JSON 1.1, with Route 53 Auto Naming
and the EcsSandbox.* calls) on http://HOST:PORT/, in memory.

Options:
  --port N              port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --host ADDRESS        address to listen on (default ${DEFAULT_HOST})
  --scenario FILE|demo  start from a scenario: the built-in demo, or a JSON file holding what
                        EcsSandbox.ExportScenario returned (it brings its own seed) or a list
                        of calls (default: an empty sandbox with the default cluster)
  --clock MODE          realtime    simulated time follows wall time (default)
                        realtime:N  N times faster than wall time
                        manual      time moves only with EcsSandbox.AdvanceTime
  --seed N              seed of the id and placement streams, 0..4294967295 (default 1)
  -h, --help            show this help

Any credentials work (SigV4 is not verified); the region is the one the client signs for.
  aws ecs list-clusters --endpoint-url http://127.0.0.1:${DEFAULT_PORT} --region us-east-1

check: loads SCENARIO (a JSON file as for --scenario, or demo), runs every ACTIVE service to steady
state, then forces a new deployment of each and runs to steady state again. Exit status 0 when every
service ends steady with its desiredCount RUNNING both times; 2 when a task cannot be placed or a
deployment is stuck (one reason per service on stdout); 1 when the scenario cannot be read.
  --max-seconds N       simulated seconds each run may take (default 3600)
  --format FORMAT       text (default), json or md (a Markdown table)

what-if: runs SCENARIO once per variant, from the same seed, and prints the comparison. Exit status 0,
or 1 when the scenario or the variants cannot be read.
  --variants FILE       the variants: a JSON list of {name, changes}, or an object with variants and
                        optionally timeline, seeds, maxSeconds, region (default: the scenario as it is)
  --seeds N             runs per variant, seeds base..base+N-1, 1..${MAX_SEEDS} (default 1; distributions when > 1)
  --max-seconds N       simulated seconds the run after the timeline may take (default 3600)
  --format FORMAT       text (default), json or md

Long runs of check and what-if show their progress on stderr when it is a terminal.
  ecs-sandbox check scenario.json --format md
`;

const isUnsignedInteger = (value: string, max: number) => /^\d+$/.test(value) && Number(value) <= max;

/** Splits `--flag=value` and takes the value from the next argument otherwise. */
function nextOption(args: string[]): { arg: string; flag: string; take(): string | undefined } {
  const arg = args.shift()!;
  const eq = arg.indexOf('=');
  const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
  let value: string | undefined = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
  return {
    arg,
    flag,
    take() {
      if (value === undefined && args.length > 0 && !args[0].startsWith('--')) value = args.shift();
      return value;
    },
  };
}

const shown = (v: string | undefined) => (v === undefined ? 'nothing' : `'${v}'`);

/** `check` and `what-if`: one SCENARIO argument and their flags. */
function parseRunCommand(command: 'check' | 'what-if', args: string[]): ParsedArgs {
  const error = (message: string): ParsedArgs => ({ kind: 'error', message, command });
  let scenario: string | undefined;
  let format: (typeof OUTPUT_FORMATS)[number] = 'text';
  let maxSeconds: number | undefined;
  let variants: string | undefined;
  let seeds: number | undefined;
  while (args.length > 0) {
    if (!args[0].startsWith('-') || args[0] === '-') {
      const value = args.shift()!;
      if (scenario !== undefined) return error(`${command} takes one scenario file, got '${scenario}' and '${value}'`);
      scenario = value;
      continue;
    }
    const { arg, flag, take } = nextOption(args);
    switch (flag) {
      case '--format': {
        const v = take();
        if (v === undefined || !isOutputFormat(v)) return error(`--format needs ${OUTPUT_FORMATS.join(', ')}, got ${shown(v)}`);
        format = v;
        break;
      }
      case '--max-seconds': {
        const v = take();
        const n = v !== undefined && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
        if (!(n > 0 && n <= MAX_ADVANCE_SECONDS)) return error(`--max-seconds needs a number of seconds greater than 0 and at most ${MAX_ADVANCE_SECONDS}, got ${shown(v)}`);
        maxSeconds = n;
        break;
      }
      case '--variants':
        if (command === 'what-if') {
          const v = take();
          if (!v) return error('--variants needs a file name');
          variants = v;
          break;
        }
        return error(`unknown option '${arg}' for check`);
      case '--seeds':
        if (command === 'what-if') {
          const v = take();
          if (v === undefined || !isUnsignedInteger(v, MAX_SEEDS) || Number(v) < 1) return error(`--seeds needs an integer 1..${MAX_SEEDS}, got ${shown(v)}`);
          seeds = Number(v);
          break;
        }
        return error(`unknown option '${arg}' for check`);
      default:
        return error(`unknown option '${arg}' for ${command}`);
    }
  }
  if (scenario === undefined) return error(`${command} needs a scenario file (or demo), e.g. ecs-sandbox ${command} scenario.json`);
  const common = { scenario, format, ...(maxSeconds !== undefined ? { maxSeconds } : {}) };
  if (command === 'check') return { kind: 'check', options: common };
  return { kind: 'what-if', options: { ...common, ...(variants !== undefined ? { variants } : {}), ...(seeds !== undefined ? { seeds } : {}) } };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args = [...argv];
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') return { kind: 'help' };
  const command = args.shift();
  if (command === 'check' || command === 'what-if') return parseRunCommand(command, args);
  if (command !== 'serve') return { kind: 'error', message: `unknown command '${command}'` };

  const options: ServeOptions = { port: DEFAULT_PORT, host: DEFAULT_HOST, clock: { mode: 'realtime', speed: 1 } };
  while (args.length > 0) {
    const arg = args.shift()!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (value === undefined && args.length > 0 && !args[0].startsWith('--')) value = args.shift();
      return value;
    };
    switch (flag) {
      case '--port': {
        const v = takeValue();
        if (v === undefined || !isUnsignedInteger(v, 65535)) return { kind: 'error', message: `--port needs a port number 0..65535, got ${v === undefined ? 'nothing' : `'${v}'`}` };
        options.port = Number(v);
        break;
      }
      case '--host': {
        const v = takeValue();
        if (!v) return { kind: 'error', message: '--host needs an address, e.g. 127.0.0.1' };
        options.host = v;
        break;
      }
      case '--scenario': {
        const v = takeValue();
        if (!v) return { kind: 'error', message: '--scenario needs a file name or demo' };
        options.scenario = v;
        break;
      }
      case '--clock': {
        const v = takeValue();
        const clock = v === undefined ? undefined : parseClock(v);
        if (!clock) return { kind: 'error', message: `--clock needs manual, realtime or realtime:N (N > 0), got ${v === undefined ? 'nothing' : `'${v}'`}` };
        options.clock = clock;
        break;
      }
      case '--seed': {
        const v = takeValue();
        if (v === undefined || !isUnsignedInteger(v, 0xffffffff)) return { kind: 'error', message: `--seed needs an integer 0..4294967295, got ${v === undefined ? 'nothing' : `'${v}'`}` };
        options.seed = Number(v);
        break;
      }
      default:
        return { kind: 'error', message: `unknown option '${arg}'` };
    }
  }
  return { kind: 'serve', options };
}
