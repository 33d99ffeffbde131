// The container instance editor: RegisterContainerInstance for a new instance (as the agent calls it,
// with an EC2 identity document) and, for a registered one, the requests of its actions: drain/activate
// (UpdateContainerInstancesState), attributes (PutAttributes / DeleteAttributes, targetType
// container-instance) and DeregisterContainerInstance.
import type {
  Attribute, AttributesRequest, DeregisterContainerInstanceRequest, RegisterContainerInstanceRequest, UpdateContainerInstancesStateRequest,
} from './aws-shapes.ts';
import { arr, defined, isRecord, optional, str } from './form-values.ts';
import { DEFAULT_ACCOUNT_ID, UNVERIFIED_SIGNATURE, identityDocument, identityFieldsOf } from './identity-document.ts';

export interface AttributeRow { name: string; value: string }

export interface InstanceForm {
  cluster: string;
  instanceId: string;
  instanceType: string;
  availabilityZone: string;
  privateIp: string;
  accountId: string;
  pendingTime: string;
  attributes: AttributeRow[];
}

export function emptyInstanceForm(options: { cluster?: string; region?: string; instanceId: string; pendingTime: string; accountId?: string }): InstanceForm {
  return {
    cluster: options.cluster ?? 'default', instanceId: options.instanceId, instanceType: 't2.micro',
    availabilityZone: `${options.region ?? 'us-east-1'}a`, privateIp: '10.0.0.10', accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    pendingTime: options.pendingTime, attributes: [],
  };
}

const attributeOf = (row: AttributeRow): Attribute => defined({ name: row.name.trim(), value: optional(row.value) }) as Attribute;

export function registerContainerInstanceRequest(form: InstanceForm): RegisterContainerInstanceRequest {
  const attributes = form.attributes.map(attributeOf);
  return defined({
    cluster: optional(form.cluster),
    instanceIdentityDocument: identityDocument(form),
    instanceIdentityDocumentSignature: UNVERIFIED_SIGNATURE,
    attributes: attributes.length ? attributes : undefined,
  }) as RegisterContainerInstanceRequest;
}

/** A RegisterContainerInstance request (the JSON tab) as form state; `fallback` fills what it lacks. */
export function instanceFormFromRegisterRequest(json: Record<string, unknown>, fallback: InstanceForm): InstanceForm {
  const fields = identityFieldsOf(str(json.instanceIdentityDocument));
  return {
    ...fallback,
    ...(fields ?? {}),
    cluster: str(json.cluster),
    attributes: arr(json.attributes).filter(isRecord).map((a) => ({ name: str(a.name), value: str(a.value) })),
  };
}

/** Attributes the agent sets (4.7): shown read-only; the editor changes custom attributes only. */
export const isBuiltInAttribute = (name: string): boolean => name.startsWith('ecs.');

/**
 * What to send to turn `before` into `after` (custom attributes only): PutAttributes for new or changed
 * ones, DeleteAttributes for removed ones, each aimed at the instance by its ARN.
 */
export function attributeChanges(before: readonly AttributeRow[], after: readonly AttributeRow[], targetId: string): { put: Attribute[]; remove: Attribute[] } {
  const custom = (rows: readonly AttributeRow[]) => rows.filter((r) => !isBuiltInAttribute(r.name.trim()) && r.name.trim() !== '');
  const was = new Map(custom(before).map((r) => [r.name.trim(), r.value.trim()]));
  const now = new Map(custom(after).map((r) => [r.name.trim(), r.value.trim()]));
  const target = (a: Attribute): Attribute => ({ ...a, targetType: 'container-instance', targetId });
  const put = [...now].filter(([n, v]) => was.get(n) !== v).map(([name, value]) => target(defined({ name, value: value || undefined }) as Attribute));
  const remove = [...was.keys()].filter((n) => !now.has(n)).map((name) => target({ name }));
  return { put, remove };
}

export const attributesRequest = (cluster: string, attributes: Attribute[]): AttributesRequest =>
  defined({ cluster: optional(cluster), attributes }) as AttributesRequest;

export const updateStateRequest = (cluster: string, containerInstanceArn: string, status: 'ACTIVE' | 'DRAINING'): UpdateContainerInstancesStateRequest =>
  defined({ cluster: optional(cluster), containerInstances: [containerInstanceArn], status }) as UpdateContainerInstancesStateRequest;

export const deregisterRequest = (cluster: string, containerInstanceArn: string, force: boolean): DeregisterContainerInstanceRequest =>
  defined({ cluster: optional(cluster), containerInstance: containerInstanceArn, force: force || undefined }) as DeregisterContainerInstanceRequest;
