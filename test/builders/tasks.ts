// Tasks for the task-operation tests. Nothing creates tasks through the API yet (RunTask and the
// scheduler come later), so a test builds TaskRecords and puts them straight into the region's state.
import { regionState } from '../../src/domain/new-document.ts';
import { DEFAULT_START_MS } from '../../src/domain/sandbox-document.ts';
import type { TaskRecord } from '../../src/domain/records.ts';
import type { TestSandbox } from './sandbox.ts';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const taskArnOf = (id: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${id}`;
export const containerArnOf = (id: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:container/${id}`;
export const containerInstanceArnOf = (id: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/${id}`;
export const clusterArnOf = (name: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${name}`;
export const taskDefinitionArnOf = (family: string, revision: number) =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${revision}`;

/** Semantics 3.2: a task starts 10 s after it is created, by default. */
const START_DELAY_MS = 10_000;

export interface TaskBuilder {
  inCluster(clusterName: string): TaskBuilder;
  onInstance(containerInstanceId: string): TaskBuilder;
  startedBy(startedBy: string): TaskBuilder;
  inGroup(group: string): TaskBuilder;
  /** PENDING: not started yet; RUNNING: started 10 s after creation; STOPPED: also stopped (desired STOPPED). */
  withStatus(lastStatus: TaskRecord['lastStatus'], desiredStatus?: TaskRecord['desiredStatus']): TaskBuilder;
  onFargate(platformVersion?: string): TaskBuilder;
  createdAt(ms: number): TaskBuilder;
  withHostPort(containerName: string, containerPort: number, hostPort: number, protocol?: 'tcp' | 'udp'): TaskBuilder;
  withEni(eni: NonNullable<TaskRecord['eni']>): TaskBuilder;
  withContainerIds(...ids: string[]): TaskBuilder;
  with(fields: Partial<TaskRecord>): TaskBuilder;
  build(): TaskRecord;
}

/** A RUNNING EC2 task of `taskDefinitionArn` in the `default` cluster, group `family:<family>` (4.12). */
export function aTask(id: string, taskDefinitionArn: string): TaskBuilder {
  const family = /task-definition\/([^:]+):/.exec(taskDefinitionArn)?.[1] ?? 'unknown';
  const task: TaskRecord = {
    id,
    clusterName: 'default',
    taskDefinitionArn,
    group: `family:${family}`,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    launchType: 'EC2',
    createdAt: DEFAULT_START_MS,
    startedAt: DEFAULT_START_MS + START_DELAY_MS,
    version: 2,
    hostPorts: [],
  };
  const self: TaskBuilder = {
    inCluster: (clusterName) => ((task.clusterName = clusterName), self),
    onInstance: (containerInstanceId) => ((task.containerInstanceId = containerInstanceId), self),
    startedBy: (startedBy) => ((task.startedBy = startedBy), self),
    inGroup: (group) => ((task.group = group), self),
    withStatus(lastStatus, desiredStatus) {
      task.lastStatus = lastStatus;
      task.desiredStatus = desiredStatus ?? (lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING');
      if (lastStatus === 'PENDING' || lastStatus === 'PROVISIONING') {
        delete task.startedAt;
        task.version = 1;
      }
      if (lastStatus === 'STOPPED') {
        task.stoppedAt = task.createdAt + 2 * START_DELAY_MS;
        task.version = 3;
      }
      return self;
    },
    onFargate(platformVersion = '1.1.0') {
      task.launchType = 'FARGATE';
      task.platformVersion = platformVersion;
      return self;
    },
    createdAt(ms) {
      const shift = ms - task.createdAt;
      task.createdAt = ms;
      if (task.startedAt !== undefined) task.startedAt += shift;
      if (task.stoppedAt !== undefined) task.stoppedAt += shift;
      return self;
    },
    withHostPort: (containerName, containerPort, hostPort, protocol = 'tcp') =>
      (task.hostPorts.push({ containerName, containerPort, hostPort, protocol }), self),
    withEni: (eni) => ((task.eni = eni), self),
    withContainerIds: (...ids) => ((task.containerIds = ids), self),
    with: (fields) => (Object.assign(task, fields), self),
    build: () => structuredClone(task),
  };
  return self;
}

/** Puts tasks into the region's state (created on first use), in the order given, and returns them. */
export function addTasks(s: TestSandbox, tasks: (TaskRecord | TaskBuilder)[], region = REGION): TaskRecord[] {
  const state = regionState(s.api.document, region);
  const records = tasks.map((t) => ('build' in t ? t.build() : t));
  state.tasks.push(...records);
  return records;
}
