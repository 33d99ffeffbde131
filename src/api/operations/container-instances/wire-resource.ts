// The API18 `Resource` shape as AWS writes it. Every number member is present, 0 when unused, as in
// EX18 DescribeContainerInstances ({"name": "CPU", "type": "INTEGER", "doubleValue": 0.0,
// "integerValue": 2048, "longValue": 0}); only STRINGSET resources carry stringSetValue.
import type { Resource } from '../../../model/ecs-types.ts';

export const integerResource = (name: string, value: number): Resource =>
  ({ name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value });

export const stringSetResource = (name: string, values: readonly string[]): Resource =>
  ({ name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: [...values] });

/** The integer amount of a resource, whichever number member carries it. */
export function integerAmount(resource: Resource): number | undefined {
  return resource.integerValue ?? resource.longValue ?? resource.doubleValue;
}

export const findResource = (resources: readonly Resource[], name: string): Resource | undefined =>
  resources.find((r) => r.name === name);
