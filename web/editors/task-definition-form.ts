// The task definition editor's state and its RegisterTaskDefinition request (2018 model). Saving
// registers a new revision of the family. `requiresAttributes` is computed by ECS and is not a request
// member in 2018, so the form has no field for it.
import type { ContainerDefinition, RegisterTaskDefinitionRequest } from './aws-shapes.ts';
import { arr, defined, fromInteger, integerProblem, isRecord, optional, str, toInteger } from './form-values.ts';

export interface PortRow { containerPort: string; hostPort: string; protocol: string }
export interface ContainerRow {
  name: string;
  image: string;
  cpu: string;
  memory: string;
  memoryReservation: string;
  /** undefined = omitted (essential by default). */
  essential: boolean | undefined;
  portMappings: PortRow[];
  /** Container members the form does not edit (environment, command, …), kept and sent as they are. */
  extra: Record<string, unknown>;
}
export interface TaskDefinitionForm {
  family: string;
  /** '' = omitted (bridge on EC2). */
  networkMode: string;
  /** Task-level sizes: strings in the 2018 model ("256", "0.25 vCPU", "512", "1 GB"). */
  cpu: string;
  memory: string;
  requiresCompatibilities: string[];
  /** memberOf expressions (the only type task definitions take, 4.9). */
  placementConstraints: string[];
  containers: ContainerRow[];
  extra: Record<string, unknown>;
}

export const newContainer = (n = 1): ContainerRow => ({
  name: n === 1 ? 'app' : `app-${n}`, image: 'nginx:latest', cpu: '', memory: '256', memoryReservation: '', essential: true, portMappings: [], extra: {},
});
export const newPortMapping = (): PortRow => ({ containerPort: '80', hostPort: '', protocol: '' });

export function emptyTaskDefinitionForm(): TaskDefinitionForm {
  return { family: '', networkMode: '', cpu: '', memory: '', requiresCompatibilities: [], placementConstraints: [], containers: [newContainer()], extra: {} };
}

const CONTAINER_MEMBERS = ['name', 'image', 'cpu', 'memory', 'memoryReservation', 'portMappings', 'essential'];
const REQUEST_MEMBERS = ['family', 'networkMode', 'containerDefinitions', 'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory'];
/** DescribeTaskDefinition members that are not RegisterTaskDefinition request members. */
const OUTPUT_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities'];

const extraOf = (json: Record<string, unknown>, known: readonly string[]) =>
  Object.fromEntries(Object.entries(json).filter(([k]) => !known.includes(k)));

function containerRequest(c: ContainerRow): ContainerDefinition {
  // model member order: name, image, cpu, memory, memoryReservation, links, portMappings, essential, …
  return {
    ...defined({
      name: c.name.trim(),
      image: c.image.trim(),
      cpu: toInteger(c.cpu),
      memory: toInteger(c.memory),
      memoryReservation: toInteger(c.memoryReservation),
      portMappings: c.portMappings.length
        ? c.portMappings.map((p) => defined({ containerPort: toInteger(p.containerPort), hostPort: toInteger(p.hostPort), protocol: optional(p.protocol) }))
        : undefined,
      essential: c.essential,
    }),
    ...c.extra,
  } as ContainerDefinition;
}

/** The RegisterTaskDefinition request of the form, members in model order, unset members absent. */
export function registerTaskDefinitionRequest(form: TaskDefinitionForm): RegisterTaskDefinitionRequest {
  const constraints = form.placementConstraints.map((expression) => ({ type: 'memberOf', expression }));
  return {
    ...defined({
      family: form.family.trim(),
      networkMode: optional(form.networkMode),
      containerDefinitions: form.containers.map(containerRequest),
      placementConstraints: constraints.length ? constraints : undefined,
      requiresCompatibilities: form.requiresCompatibilities.length ? [...form.requiresCompatibilities] : undefined,
      cpu: optional(form.cpu),
      memory: optional(form.memory),
    }),
    ...form.extra,
  } as RegisterTaskDefinitionRequest;
}

function containerRow(c: Record<string, unknown>): ContainerRow {
  return {
    name: str(c.name), image: str(c.image), cpu: fromInteger(c.cpu), memory: fromInteger(c.memory), memoryReservation: fromInteger(c.memoryReservation),
    essential: typeof c.essential === 'boolean' ? c.essential : undefined,
    portMappings: arr(c.portMappings).filter(isRecord).map((p) => ({
      containerPort: fromInteger(p.containerPort), hostPort: fromInteger(p.hostPort), protocol: str(p.protocol),
    })),
    extra: extraOf(c, CONTAINER_MEMBERS),
  };
}

/**
 * A RegisterTaskDefinition request (the JSON tab) or a described task definition as form state. The
 * members DescribeTaskDefinition adds (ARN, revision, status, requiresAttributes, compatibilities) are
 * dropped: registering sends none of them.
 */
export function taskDefinitionFormFromJson(json: Record<string, unknown>): TaskDefinitionForm {
  return {
    family: str(json.family),
    networkMode: str(json.networkMode),
    cpu: str(json.cpu),
    memory: str(json.memory),
    requiresCompatibilities: arr(json.requiresCompatibilities).map(str),
    placementConstraints: arr(json.placementConstraints).filter(isRecord).map((c) => str(c.expression)),
    containers: arr(json.containerDefinitions).filter(isRecord).map(containerRow),
    extra: extraOf(json, [...REQUEST_MEMBERS, ...OUTPUT_ONLY]),
  };
}

/** The form's own whole-number checks, keyed by request path. */
export function taskDefinitionFormProblems(form: TaskDefinitionForm): Record<string, string> {
  const out: Record<string, string> = {};
  form.containers.forEach((c, i) => {
    const at = `containerDefinitions[${i}]`;
    for (const m of ['cpu', 'memory', 'memoryReservation'] as const) {
      const p = integerProblem(c[m]);
      if (p) out[`${at}.${m}`] = p;
    }
    c.portMappings.forEach((pm, j) => {
      for (const m of ['containerPort', 'hostPort'] as const) {
        const p = integerProblem(pm[m]);
        if (p) out[`${at}.portMappings[${j}].${m}`] = p;
      }
    });
  });
  return out;
}
