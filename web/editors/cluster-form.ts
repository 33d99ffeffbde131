// The cluster editor: CreateCluster for a new cluster, DeleteCluster for an existing one.
import type { CreateClusterRequest } from './aws-shapes.ts';
import { optional, str } from './form-values.ts';

export interface ClusterForm { clusterName: string }

/** An empty name is omitted: CreateCluster then creates `default` (API18). */
export const createClusterRequest = (form: ClusterForm): CreateClusterRequest => {
  const clusterName = optional(form.clusterName);
  return clusterName === undefined ? {} : { clusterName };
};
export const clusterFormFromJson = (json: Record<string, unknown>): ClusterForm => ({ clusterName: str(json.clusterName) });
