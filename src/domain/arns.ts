// Short ARN formats of 2018 (semantics 2.1); the long ones came on 2018-11-15 and are excluded.
export interface ArnScope {
  region: string;
  accountId: string;
}

const ecsArn = (s: ArnScope, resource: string) => `arn:aws:ecs:${s.region}:${s.accountId}:${resource}`;

export const clusterArn = (s: ArnScope, clusterName: string) => ecsArn(s, `cluster/${clusterName}`);
export const serviceArn = (s: ArnScope, serviceName: string) => ecsArn(s, `service/${serviceName}`);
export const taskDefinitionArn = (s: ArnScope, family: string, revision: number) =>
  ecsArn(s, `task-definition/${family}:${revision}`);
export const containerInstanceArn = (s: ArnScope, id: string) => ecsArn(s, `container-instance/${id}`);
export const taskArn = (s: ArnScope, id: string) => ecsArn(s, `task/${id}`);
/** EX18 DescribeTasks: `arn:aws:ecs:<region>:<account>:container/<uuid>`. */
export const containerArn = (s: ArnScope, id: string) => ecsArn(s, `container/${id}`);

/** `ecsServiceRole` → `arn:aws:iam::<account>:role/ecsServiceRole`; `/foo/bar` → `role/foo/bar`; an ARN is kept. */
export function roleArn(s: ArnScope, role: string): string {
  if (role.startsWith('arn:')) return role;
  const name = role.startsWith('/') ? role.slice(1) : role;
  return `arn:aws:iam::${s.accountId}:role/${name}`;
}

/** The trailing resource id of an ECS ARN of the given kind (`cluster`, `service`, …), or undefined. */
export function parseEcsArn(arn: string, kind: string): { region: string; accountId: string; id: string } | undefined {
  const m = /^arn:aws:ecs:([^:]*):([^:]*):([a-z-]+)\/(.+)$/.exec(arn);
  if (!m || m[3] !== kind) return undefined;
  return { region: m[1], accountId: m[2], id: m[4] };
}
