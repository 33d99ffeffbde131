// What the service rule families of 15.1/15.2 check: the service as it would be after the call.
// CreateService builds it from the request; UpdateService from the stored service plus the request.
import type {
  DeploymentConfiguration, LoadBalancer, NetworkConfiguration, PlacementConstraint, PlacementStrategy, ServiceRegistry,
} from '../../model/ecs-types.ts';
import type { TaskDefinitionRecord } from '../../domain/records.ts';

export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';

export interface ServiceDraft {
  launchType: 'EC2' | 'FARGATE';
  taskDefinition: TaskDefinitionRecord['definition'];
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
  /** With the 2.3 defaults filled in (CreateService) or merged over the current one (UpdateService, D30). */
  deploymentConfiguration: Required<DeploymentConfiguration>;
  loadBalancers: LoadBalancer[];
  serviceRegistries: ServiceRegistry[];
  role?: string;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  healthCheckGracePeriodSeconds?: number;
}

/** API18 RegisterTaskDefinition: networkMode defaults to bridge. */
export const networkModeOf = (definition: ServiceDraft['taskDefinition']): NetworkMode => definition.networkMode ?? 'bridge';

/** A request value as a Java-side message would print it: an absent member prints as `null`. */
export const shown = (value: string | number | undefined): string => (value === undefined ? 'null' : String(value));
