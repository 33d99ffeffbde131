// `ecs-sandbox serve [--port 4566] [--host 127.0.0.1] [--scenario FILE|demo]
// [--clock manual|realtime|realtime:N] [--seed N]`: argv → options, or help, or an error to print.
import type { ClockMode } from '../domain/sandbox-document.ts';
// The same spelling EcsSandbox.Reset {clock} accepts (semantics 3.1).
import { parseClock } from '../api/operations/sandbox/reset.ts';

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
  | { kind: 'help' }
  | { kind: 'error'; message: string };

export const DEFAULT_PORT = 4566;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Usage: ecs-sandbox serve [options]

Serves the Amazon ECS API as it stood on 2018-05-22 (AWS JSON 1.1, with Route 53 Auto Naming
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
`;

const isUnsignedInteger = (value: string, max: number) => /^\d+$/.test(value) && Number(value) <= max;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args = [...argv];
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') return { kind: 'help' };
  const command = args.shift();
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
