// The message catalogue: every text the API emits, verbatim or synthesised, with its source.
// Section numbers refer to shared/spec/ecs-2018-semantics.md. Keep texts byte for byte; add new
// ones to the section of their operation family.

// ── Wire protocol (AWS JSON 1.1) ────────────────────────────────────────────────────────────────
export const WIRE = {
  // Coral's wording for a JSON token of the wrong type (seen in AWS SDK issue threads, e.g.
  // "STRING_VALUE can not be converted to an Integer"); the other token names follow its pattern.
  cannotConvert: (token: string, article: string) => `${token} can not be converted to ${article}`,
  structureNotExpected: 'Start of structure or map found where not expected.',
  listNotExpected: 'Start of list found where not expected',
  // synthesised
  malformedJson: (detail: string) => `Could not parse request body into json: ${detail}`,
  unknownOperation: (target: string) => `Unknown operation ${target}`,
  missingTarget: 'Missing X-Amz-Target header.',
  bodyTooLarge: (limit: number) => `Request body exceeds the maximum size of ${limit} bytes.`,
  methodNotAllowed: 'Only POST is supported.',
  internalError: 'An internal error occurred in ecs-sandbox. The request changed no state.',
  // D52: `<member> should be one of [<values>]`
  enumValue: (member: string, values: readonly string[]) => `${member} should be one of [${values.join(', ')}]`,
  // 15.1 #1, synthesised
  required: (member: string) => `${member} is required.`,
  agentOnly: (operation: string) =>
    `${operation} is called by the ECS container agent, which ecs-sandbox simulates itself; it is not available to clients.`,
} as const;

// ── Shared by several operations ─────────────────────────────────────────────────────────────────
export const COMMON = {
  invalidNextToken: 'Invalid nextToken.', // 15.5 #3, synthesised
  maxResultsRange: (limit: number) => `maxResults must be between 1 and ${limit}.`, // 15.5 #2, synthesised
} as const;

// ── Clusters ────────────────────────────────────────────────────────────────────────────────────
export const CLUSTERS = {
  notFound: 'Cluster not found.', // 15.1 #2
  inactive: 'The referenced cluster was inactive.', // 15.1 #3
  // synthesised, in the wording of the service-name rule (15.1 #4)
  badName: 'Cluster names can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.',
  // AWS output as reported by users deleting non-empty clusters
  containsInstances: 'The Cluster cannot be deleted while Container Instances are active or draining.',
  containsServices: 'The Cluster cannot be deleted while Services are active.',
  containsTasks: 'The Cluster cannot be deleted while Tasks are active.',
} as const;

// ── Task definitions ────────────────────────────────────────────────────────────────────────────
export const TASK_DEFINITIONS = {
  notFound: 'TaskDefinition not found.', // 15.1 #7
} as const;

// ── Container instances and attributes ──────────────────────────────────────────────────────────
export const CONTAINER_INSTANCES = {} as const;

// ── Services ────────────────────────────────────────────────────────────────────────────────────
export const SERVICES = {
  notFound: 'Service not found.', // 15.2 #2
  notActive: 'Service was not ACTIVE.', // 15.2 #3
} as const;

// ── Tasks ───────────────────────────────────────────────────────────────────────────────────────
export const TASKS = {} as const;

// ── Cluster query language (semantics 5.8 and D48) ─────────────────────────────────────────────
export const QUERY = {} as const;

// ── Sandbox operations (EcsSandbox.*) ───────────────────────────────────────────────────────────
export const SANDBOX = {} as const;

// ── Route 53 Auto Naming ────────────────────────────────────────────────────────────────────────
export const DISCOVERY = {} as const;
