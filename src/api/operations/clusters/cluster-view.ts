import type { Cluster, KeyValuePair } from '../../../model/ecs-types.ts';
import type { ClusterRecord } from '../../../domain/records.ts';
import type { OperationContext } from '../../operation-context.ts';
import { clusterArn } from '../../../domain/arns.ts';

const isLive = (status: string) => status !== 'STOPPED';

/** The API's Cluster shape with its live counts (EX18 CreateCluster/DeleteCluster). */
export function clusterView(ctx: OperationContext, cluster: ClusterRecord, withStatistics = false): Cluster {
  const name = cluster.clusterName;
  const instances = ctx.state.containerInstances.filter((i) => i.clusterName === name && i.status !== 'INACTIVE');
  const tasks = ctx.state.tasks.filter((t) => t.clusterName === name && isLive(t.lastStatus));
  const services = ctx.state.services.filter((s) => s.clusterName === name);
  const running = tasks.filter((t) => t.lastStatus === 'RUNNING');
  const pending = tasks.filter((t) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING');
  const view: Cluster = {
    clusterArn: clusterArn(ctx.scope, name),
    clusterName: name,
    status: cluster.status,
    registeredContainerInstancesCount: instances.length,
    runningTasksCount: running.length,
    pendingTasksCount: pending.length,
    // 12: activeServicesCount counts ACTIVE services only.
    activeServicesCount: services.filter((s) => s.status === 'ACTIVE').length,
  };
  if (withStatistics) {
    const count = <T>(list: T[], pred: (x: T) => boolean) => String(list.filter(pred).length);
    const statistics: KeyValuePair[] = [
      { name: 'runningEC2TasksCount', value: count(running, (t) => t.launchType === 'EC2') },
      { name: 'runningFargateTasksCount', value: count(running, (t) => t.launchType === 'FARGATE') },
      { name: 'pendingEC2TasksCount', value: count(pending, (t) => t.launchType === 'EC2') },
      { name: 'pendingFargateTasksCount', value: count(pending, (t) => t.launchType === 'FARGATE') },
      { name: 'activeEC2ServiceCount', value: count(services, (s) => s.status === 'ACTIVE' && s.launchType === 'EC2') },
      { name: 'activeFargateServiceCount', value: count(services, (s) => s.status === 'ACTIVE' && s.launchType === 'FARGATE') },
      { name: 'drainingEC2ServiceCount', value: count(services, (s) => s.status === 'DRAINING' && s.launchType === 'EC2') },
      { name: 'drainingFargateServiceCount', value: count(services, (s) => s.status === 'DRAINING' && s.launchType === 'FARGATE') },
    ];
    view.statistics = statistics;
  }
  return view;
}
