// What the sandbox's own agent sends when the caller leaves it out: Amazon ECS Agent v1.18.0
// (c0defea9, May 2018) on the 2018.03.a ECS-optimized AMI with Docker 17.12.1-ce (Decision).
import type { Attribute, VersionInfo } from '../../../model/ecs-types.ts';

export const DEFAULT_VERSION_INFO: Readonly<Required<VersionInfo>> = {
  agentVersion: '1.18.0',
  agentHash: 'c0defea9',
  // the agent prefixes Docker's version like this
  dockerVersion: 'DockerVersion: 17.12.1-ce',
};

/** Decision: with neither a document instanceType nor totalResources, an m4.large (the DG18:memory-management example). */
export const DEFAULT_INSTANCE_TYPE = 'm4.large';

/** Decision: the us-east-1 2018.03.a ECS-optimized AMI (aws/amazon-ecs-agent#1381, 2018-05-09), in every region. */
export const DEFAULT_IMAGE_ID = 'ami-aff65ad2';

/** Decision: with no document availabilityZone, the region's first zone. */
export const defaultAvailabilityZone = (region: string): string => `${region}a`;

const CAPABILITY = 'com.amazonaws.ecs.capability.';
const ATTRIBUTE = 'ecs.capability.';

/** Docker Remote API versions the agent reports for Docker 17.12 (DG18 task definition requirements go up to 1.30). */
const DOCKER_REMOTE_API_VERSIONS = Array.from({ length: 14 }, (_, i) => `1.${17 + i}`); // 1.17 … 1.30

/** ECS_AVAILABLE_LOGGING_DRIVERS of the ECS-optimized AMI. */
const LOGGING_DRIVERS = ['json-file', 'syslog', 'awslogs', 'none'];

/**
 * The attributes agent 1.18.0 registers, in its order (agent/app/agent_capability.go): privileged
 * containers, Docker API versions, logging drivers, task IAM roles (ECS_ENABLE_TASK_IAM_ROLE and
 * …_NETWORK_HOST are on in the AMI), task CPU/memory limits, task ENIs (awsvpc, agent ≥ 1.15), ECR
 * pulls, health checks (API ≥ 1.24), execution-role logs, then `ecs.os-type`.
 */
export function defaultAgentAttributes(): Attribute[] {
  const names = [
    `${CAPABILITY}privileged-container`,
    ...DOCKER_REMOTE_API_VERSIONS.map((v) => `${CAPABILITY}docker-remote-api.${v}`),
    ...LOGGING_DRIVERS.map((d) => `${CAPABILITY}logging-driver.${d}`),
    `${CAPABILITY}task-iam-role`,
    `${CAPABILITY}task-iam-role-network-host`,
    `${ATTRIBUTE}task-cpu-mem-limit`,
    `${ATTRIBUTE}task-eni`,
    `${CAPABILITY}ecr-auth`,
    `${ATTRIBUTE}execution-role-ecr-pull`,
    `${ATTRIBUTE}container-health-check`,
    `${ATTRIBUTE}execution-role-awslogs`,
  ];
  return [...names.map((name) => ({ name })), { name: 'ecs.os-type', value: 'linux' }];
}
