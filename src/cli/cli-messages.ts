// The texts `ecs-sandbox check` and `ecs-sandbox what-if` print. All synthesised (the CLI has no AWS
// counterpart); service events quoted in reasons are the scheduler's own (src/messages.ts SCHEDULER,
// PLACEMENT). Kept here rather than in src/messages.ts because they are the command line's words,
// never an API response.
export const CLI = {
  // Reading a file (read-json-file.ts)
  fileMissing: (file: string) => `${file}: no such file`,
  notAFile: (file: string) => `${file}: not a file`,
  unreadable: (file: string, detail: string) => `${file}: could not be read (${detail})`,
  tooLarge: (file: string, bytes: number, limit: number) =>
    `${file}: ${bytes} bytes is more than the ${limit / (1024 * 1024)} MB a scenario file may have`,
  notJson: (file: string, line: number, column: number, detail: string) =>
    `${file}:${line}:${column}: not valid JSON: ${detail}`,
  invalidScenario: (file: string, detail: string) => `${file}: ${detail}`,
  // Unknown members (unknown-members.ts): ECS ignores them (D1); a check refuses them, since a typo'd
  // member silently does nothing.
  unknownCallMember: (file: string, index: number, target: string, path: string) =>
    `${file}: scenario call ${index} (${target}): unknown member ${path}`,
  unknownDocumentMember: (file: string, path: string) => `${file}: unknown member ${path}`,
  notAnObjectEntry: (file: string, path: string) => `${file}: ${path} is not an object`,
  // what-if variants (what-if-command.ts)
  badVariants: (file: string, detail: string) => `${file}: ${detail}`,
  variantsShape: 'expected a list of variants, or an object with "variants" (and optionally "timeline", "seeds", "maxSeconds", "region")',
  variantsScenario: 'the scenario comes from the command line; remove "scenario" from the variants file',
  whatIfFailed: (detail: string) => `what-if: ${detail}`,

  // check: one reason per service (check-reasons.ts)
  phase: { steady: 'initial run', deployment: 'forced deployment' } as const,
  cannotPlace: (event: string) => `cannot place a task: ${event}`,
  stuckCapacity: (minimumHealthyPercent: number, min: number, event: string | undefined) =>
    `deployment stuck (CAPACITY): no instance has room for a replacement task, and minimumHealthyPercent ` +
    `${minimumHealthyPercent} keeps ${min} old task${min === 1 ? '' : 's'} running` + (event ? `; ${event}` : ''),
  stuckConfiguration: (min: number, max: number, desired: number, minimum: number, maximum: number) =>
    `deployment stuck (DEPLOYMENT_CONFIGURATION): minimumHealthyPercent ${min} and maximumPercent ${max} ` +
    `leave no room to replace a task (with desiredCount ${desired}, at least ${minimum} must stay healthy and at most ` +
    `${maximum} may run); lower minimumHealthyPercent or raise maximumPercent`,
  stuckNoMove: (min: number, max: number, minimum: number, maximum: number) =>
    `deployment stuck (DEPLOYMENT_CONFIGURATION): no task can be started or stopped while at least ${minimum} must stay ` +
    `healthy (minimumHealthyPercent ${min}) and at most ${maximum} may run (maximumPercent ${max})`,
  notSteady: (seconds: number, running: number, desired: number, pending: number) =>
    `not steady after ${seconds} s: ${running} of ${desired} tasks RUNNING` + (pending > 0 ? `, ${pending} PENDING` : ''),
  refused: (message: string) => `UpdateService refused the forced deployment: ${message}`,
  lastEvent: (event: string) => `; last event: ${event}`,
  steady: (desired: number) => `steady, ${desired} task${desired === 1 ? '' : 's'} RUNNING`,
  noServices: 'the scenario has no ACTIVE service to check',
  summaryOk: (services: number) => `${services} service${services === 1 ? '' : 's'} OK`,
  summaryFailed: (failed: number, services: number) =>
    `${failed} of ${services} service${services === 1 ? '' : 's'} failed the check`,

  // progress (progress.ts)
  checkProgress: (step: number, steps: number, what: string) => `[${step}/${steps}] ${what}…`,
  whatIfProgress: (run: number, total: number, variant: string) => `[${run}/${total}] variant ${variant}…`,
  /** The variant of a what-if without --variants: the scenario as it is. */
  asIs: 'as is',
} as const;
