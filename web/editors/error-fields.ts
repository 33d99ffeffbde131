// Which form field an API error concerns, so the editor can show AWS's message next to it. The rules
// read the message (src/messages.ts texts; semantics 15, D48, D51, D52) and, to find the list entry it
// names, the request that was sent. A message no rule claims goes to the top of the form (undefined).
import { arr, isRecord, str } from './form-values.ts';

export interface ApiError { code: string; message: string }
export type EditorKind = 'service' | 'taskDefinition' | 'instance' | 'cluster';
type Request = Record<string, unknown>;
type Rule = [RegExp, string | ((m: RegExpExecArray, request: Request) => string | undefined)];

/** The index of the first entry of `request[list]` that satisfies `test`, else 0. */
function indexIn(request: Request, list: string, test: (entry: Record<string, unknown>) => boolean): number {
  const i = arr(request[list]).findIndex((e) => isRecord(e) && test(e));
  return i < 0 ? 0 : i;
}
const containerIndex = (request: Request, name: string) => indexIn(request, 'containerDefinitions', (c) => c.name === name);
const registryAt = (request: Request, arn: string, member: string) =>
  `serviceRegistries[${indexIn(request, 'serviceRegistries', (r) => r.registryArn === arn)}].${member}`;

/** `<member> is required.` names the member only (15.1 #1); these are where such members live. */
const REQUIRED_PATHS: Record<string, string> = {
  service: 'serviceName',
  subnets: 'networkConfiguration.awsvpcConfiguration.subnets',
  containerInstance: 'instanceId',
  containerInstances: 'instanceId',
  name: 'attributes',
};
const SUBNETS = 'networkConfiguration.awsvpcConfiguration.subnets';

const COMMON_RULES: Rule[] = [
  [/^(\w+) is required\.$/, (m) => REQUIRED_PATHS[m[1]] ?? m[1]],
  // D52: `<path> should be one of [<values>]` carries the full path, indices included
  [/^([\w.[\]]+) should be one of \[/, (m) => m[1]],
  [/^(Cluster not found\.|The referenced cluster was inactive\.)$/, 'cluster'],
];

const SERVICE_RULES: Rule[] = [
  [/^Task count can not be lesser than 0|^The service cannot be stopped while it is scaled above 0\./, 'desiredCount'],
  [/^deploymentConfiguration\.(maximumPercent|minimumHealthyPercent)\b/, (m) => `deploymentConfiguration.${m[1]}`],
  [/^Service names can have|^Creation of service was not idempotent\.|^Unable to Start a service that is still Draining\./, 'serviceName'],
  [/^clientToken /, 'clientToken'],
  [/^TaskDefinition (not found\.|is inactive)/, 'taskDefinition'],
  [/does not support launch_type/, 'launchType'],
  [/platform version/i, 'platformVersion'],
  [/^Network Configuration /, 'networkConfiguration'],
  [/^subnets can not be empty\.|^There is a limit of \d+ subnets|^Error retrieving subnet information/, SUBNETS],
  [/^Error retrieving security group information/, 'networkConfiguration.awsvpcConfiguration.securityGroups'],
  [/^Assign public IP /, 'networkConfiguration.awsvpcConfiguration.assignPublicIp'],
  [/^Invalid field for (binpack|spread) strategy: (.*?)\.(?: Valid values|$)/, (m, r) =>
    `placementStrategy[${indexIn(r, 'placementStrategy', (s) => s.type === m[1] && str(s.field) === (m[2] === 'null' ? '' : m[2]))}].field`],
  [/^Placement strategies |strategy rules per service|^Invalid placement strategy type/, 'placementStrategy'],
  [/^An expression cannot be specified for the distinctInstance/, (_m, r) =>
    `placementConstraints[${indexIn(r, 'placementConstraints', (c) => c.type === 'distinctInstance' && str(c.expression) !== '')}].expression`],
  [/^Placement constraints |constraints per task|^Invalid placement constraint type|^Invalid expression at position/, 'placementConstraints'],
  [/^The container (\S+) did not have a container port (\S+) defined\.$/, (m, r) =>
    `loadBalancers[${indexIn(r, 'loadBalancers', (lb) => lb.containerName === m[1])}].containerPort`],
  [/^The container (\S+) does not exist in the task definition\.$/, (m, r) =>
    `loadBalancers[${indexIn(r, 'loadBalancers', (lb) => lb.containerName === m[1])}].containerName`],
  [/^When specifying 'host' or 'bridge'.*Registry: (\S+)$/, (m, r) => registryAt(r, m[1], 'containerName')],
  [/^The SRV record is the only.*Registry: (\S+)$/, (m, r) => registryAt(r, m[1], 'registryArn')],
  [/^The container \S+ does not have a containerPort .*Registry: (\S+)$/, (m, r) => registryAt(r, m[1], 'containerPort')],
  [/^When specifying 'awsvpc'.*Registry: (\S+)$/, (m, r) => registryAt(r, m[1], 'port')],
  [/^Service registry (\S+) does not exist\.$/, (m, r) => registryAt(r, m[1], 'registryArn')],
  [/do not require a value for 'containerPort'/, 'serviceRegistries[0].containerPort'],
  [/^A port was provided but is not required/, 'serviceRegistries[0].port'],
  [/service registry|^Service discovery /i, 'serviceRegistries'],
  [/^loadBalancerName and targetGroupArn|^Specify either loadBalancerName or targetGroupArn/, 'loadBalancers[0].targetGroupArn'],
  [/(arn:aws:elasticloadbalancing:\S+?)(?:[.,]?\s|\.?$)/, (m, r) =>
    `loadBalancers[${indexIn(r, 'loadBalancers', (lb) => lb.targetGroupArn === m[1])}].targetGroupArn`],
  [/targetGroupArn|target group|target type/i, 'loadBalancers[0].targetGroupArn'],
  [/^Health check grace period|^healthCheckGracePeriodSeconds/, 'healthCheckGracePeriodSeconds'],
  [/\brole\b/i, 'role'],
  [/load balancer/i, 'loadBalancers'],
];

const TASK_DEFINITION_RULES: Rule[] = [
  [/^Family /, 'family'],
  [/^Invalid '(cpu|memory)' setting for task\.$/, (m) => m[1]],
  [/^Container definitions cannot be empty\./, 'containerDefinitions'],
  [/^Container\.name should not be null or empty\./, (_m, r) => `containerDefinitions[${indexIn(r, 'containerDefinitions', (c) => str(c.name) === '')}].name`],
  [/^Container\.name contains invalid characters\./, (_m, r) =>
    `containerDefinitions[${indexIn(r, 'containerDefinitions', (c) => !/^[A-Za-z0-9_-]+$/.test(str(c.name)))}].name`],
  [/^Duplicate container name '(.*)'\./, (m, r) => {
    const names = arr(r.containerDefinitions).map((c) => (isRecord(c) ? c.name : undefined));
    const second = names.indexOf(m[1], names.indexOf(m[1]) + 1);
    return `containerDefinitions[${second < 0 ? 0 : second}].name`;
  }],
  [/^Container\.image /, (_m, r) => `containerDefinitions[${indexIn(r, 'containerDefinitions', (c) => str(c.image) === '')}].image`],
  [/^Invalid setting for container '(.*)'\. 'memory' must be greater than 'memoryReservation'\./, (m, r) =>
    `containerDefinitions[${containerIndex(r, m[1])}].memoryReservation`],
  [/^Invalid setting for container '(.*)'\./, (m, r) => `containerDefinitions[${containerIndex(r, m[1])}].memory`],
  [/^The 'memory' setting for container '(.*)' is greater than for the task\./, (m, r) => `containerDefinitions[${containerIndex(r, m[1])}].memory`],
  [/^Invalid '(?:containerPort|hostPort)' setting for container '(.*)'\./, (m, r) => `containerDefinitions[${containerIndex(r, m[1])}].portMappings`],
  [/^When networkMode=|^Fargate only supports network mode/, 'networkMode'],
  [/^Fargate requires that '(cpu|memory)'/, (m) => m[1]],
  [/^No Fargate configuration exists/, 'cpu'],
  [/placement constraints|constraints per task|^Invalid expression at position/i, 'placementConstraints'],
];

const INSTANCE_RULES: Rule[] = [
  [/^The instance identity document is for region/, 'availabilityZone'],
  [/^Unknown instance type |^Container instance type changes/, 'instanceType'],
  [/^Attribute|attributes/i, 'attributes'],
];

const CLUSTER_RULES: Rule[] = [[/^Cluster names /, 'clusterName']];

export const ERROR_RULES: Record<EditorKind, Rule[]> = {
  service: [...COMMON_RULES, ...SERVICE_RULES],
  taskDefinition: [...COMMON_RULES, ...TASK_DEFINITION_RULES],
  instance: [...COMMON_RULES, ...INSTANCE_RULES],
  cluster: [...COMMON_RULES, ...CLUSTER_RULES],
};

/** The request path of the field `error` concerns, or undefined for the top of the form. */
export function fieldOfError(kind: EditorKind, error: ApiError, request: Request = {}): string | undefined {
  for (const [pattern, field] of ERROR_RULES[kind]) {
    const m = pattern.exec(error.message);
    if (m) return typeof field === 'string' ? field : field(m, request);
  }
  return undefined;
}

/**
 * The nearest field the form shows for `path`: `placementStrategy[1].type` is shown by the strategy
 * list; `loadBalancers[0].containerPort` by its own input. `shown` lists the paths the form renders.
 */
export function nearestShownField(path: string, shown: ReadonlySet<string>): string | undefined {
  let p = path;
  for (;;) {
    if (shown.has(p)) return p;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}
