// The request shapes the editors send, as the 2018-05-22 model defines them
// (/work/shared/spec/ecs-service-2.2018-05-22.json). web/ may import from src/ only the worker
// contract, which re-exports the response shapes but not these requests, so the editors restate the
// members they use here (structurally the same as src/model/ecs-types.ts).

export interface DeploymentConfiguration { maximumPercent?: number; minimumHealthyPercent?: number }
export interface PlacementConstraint { type?: string; expression?: string }
export interface PlacementStrategy { type?: string; field?: string }
export interface LoadBalancer { targetGroupArn?: string; loadBalancerName?: string; containerName?: string; containerPort?: number }
export interface ServiceRegistry { registryArn?: string; port?: number; containerName?: string; containerPort?: number }
export interface AwsVpcConfiguration { subnets: string[]; securityGroups?: string[]; assignPublicIp?: string }
export interface NetworkConfiguration { awsvpcConfiguration?: AwsVpcConfiguration }

/** A member the form could not turn into its JSON type: sent as typed, so the API answers for it. */
export type Loose<T> = T | string;

export interface CreateServiceRequest {
  cluster?: string;
  serviceName: string;
  taskDefinition: string;
  loadBalancers?: LoadBalancer[];
  serviceRegistries?: ServiceRegistry[];
  desiredCount: Loose<number>;
  clientToken?: string;
  launchType?: string;
  platformVersion?: string;
  role?: string;
  deploymentConfiguration?: DeploymentConfiguration;
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
  networkConfiguration?: NetworkConfiguration;
  healthCheckGracePeriodSeconds?: Loose<number>;
}

export interface UpdateServiceRequest {
  cluster?: string;
  service: string;
  desiredCount?: Loose<number>;
  taskDefinition?: string;
  deploymentConfiguration?: DeploymentConfiguration;
  networkConfiguration?: NetworkConfiguration;
  platformVersion?: string;
  forceNewDeployment?: boolean;
  healthCheckGracePeriodSeconds?: Loose<number>;
}

export interface PortMapping { containerPort?: number; hostPort?: number; protocol?: string }
export interface ContainerDefinition {
  name?: string;
  image?: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  portMappings?: PortMapping[];
  essential?: boolean;
  [member: string]: unknown;
}
export interface TaskDefinitionPlacementConstraint { type?: string; expression?: string }
export interface RegisterTaskDefinitionRequest {
  family: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: string;
  containerDefinitions: ContainerDefinition[];
  volumes?: unknown[];
  placementConstraints?: TaskDefinitionPlacementConstraint[];
  requiresCompatibilities?: string[];
  cpu?: string;
  memory?: string;
}
/** DescribeTaskDefinition's `taskDefinition`, the members the editor reads. */
export interface TaskDefinition extends Partial<RegisterTaskDefinitionRequest> {
  taskDefinitionArn?: string;
  revision?: number;
  status?: string;
  compatibilities?: string[];
  requiresAttributes?: { name: string; value?: string }[];
}

export interface Attribute { name: string; value?: string; targetType?: string; targetId?: string }
export interface RegisterContainerInstanceRequest {
  cluster?: string;
  instanceIdentityDocument?: string;
  instanceIdentityDocumentSignature?: string;
  totalResources?: unknown[];
  versionInfo?: { agentVersion?: string; agentHash?: string; dockerVersion?: string };
  containerInstanceArn?: string;
  attributes?: Attribute[];
}
export interface UpdateContainerInstancesStateRequest { cluster?: string; containerInstances: string[]; status: 'ACTIVE' | 'DRAINING' }
export interface AttributesRequest { cluster?: string; attributes: Attribute[] }
export interface DeregisterContainerInstanceRequest { cluster?: string; containerInstance: string; force?: boolean }
export interface CreateClusterRequest { clusterName?: string }

/** The enums of the 2018 model, in model order (D52 lists them in this order too). */
export const LAUNCH_TYPES = ['EC2', 'FARGATE'] as const;
export const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'] as const;
export const COMPATIBILITIES = ['EC2', 'FARGATE'] as const;
export const CONSTRAINT_TYPES = ['distinctInstance', 'memberOf'] as const;
export const STRATEGY_TYPES = ['random', 'spread', 'binpack'] as const;
export const ASSIGN_PUBLIC_IP = ['ENABLED', 'DISABLED'] as const;
export const PROTOCOLS = ['tcp', 'udp'] as const;
