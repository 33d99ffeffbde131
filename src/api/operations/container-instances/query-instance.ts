// A container instance as the cluster query language sees it (semantics 5.4); shared with placement
// (src/engine/placement/query-instance-of.ts).
import type { ContainerInstanceRecord } from '../../../domain/records.ts';
import type { QueryInstance } from '../../../query/evaluate-query.ts';
import type { OperationContext } from '../../operation-context.ts';
import { queryInstanceIn } from '../../../engine/placement/query-instance-of.ts';

export const queryInstanceOf = (ctx: OperationContext, instance: ContainerInstanceRecord): QueryInstance =>
  queryInstanceIn(ctx.state, instance);
