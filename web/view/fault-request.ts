// The inject-fault menu's choices as EcsSandbox.InjectFault inputs (src/api/operations/sandbox/inject-fault.ts).

export type FaultKind = 'terminateInstance' | 'disconnectAgent' | 'failTasks' | 'unhealthyTargets';

export interface FaultChoice {
  fault: FaultKind;
  cluster: string;
  /** The container instance id (terminate, disconnect). */
  instance?: string;
  task?: string;
  service?: string;
  seconds?: number;
}

export const FAULT_LABELS: Record<FaultKind, string> = {
  terminateInstance: 'Terminate the instance',
  disconnectAgent: 'Disconnect the agent',
  failTasks: 'Fail a task',
  unhealthyTargets: 'Make a service\'s targets unhealthy',
};

/** The request, or the reason it cannot be made yet (a missing target). */
export function faultInput(choice: FaultChoice): { input: Record<string, unknown> } | { missing: string } {
  const base = { fault: choice.fault, cluster: choice.cluster };
  switch (choice.fault) {
    case 'terminateInstance':
      return choice.instance ? { input: { ...base, containerInstance: choice.instance } } : { missing: 'Choose an instance.' };
    case 'disconnectAgent':
      if (!choice.instance) return { missing: 'Choose an instance.' };
      return { input: { ...base, containerInstance: choice.instance, ...(choice.seconds ? { seconds: choice.seconds } : {}) } };
    case 'failTasks':
      return choice.task ? { input: { ...base, tasks: [choice.task] } } : { missing: 'Choose a task.' };
    case 'unhealthyTargets':
      if (!choice.service) return { missing: 'Choose a service with a load balancer.' };
      if (!(choice.seconds && choice.seconds > 0)) return { missing: 'Give the number of seconds.' };
      return { input: { ...base, service: choice.service, seconds: choice.seconds } };
  }
}
