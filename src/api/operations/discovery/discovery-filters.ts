// The Filters of ListNamespaces, ListServices and ListOperations: a filter keeps the items whose
// value matches. EQ (the default) takes one value, IN one or more, BETWEEN two (UPDATE_DATE only,
// epoch seconds, inclusive). A filter name the operation does not support is InvalidInput.
import { DISCOVERY } from '../../../messages.ts';
import { invalidInput } from './discovery-constraints.ts';

export interface Filter {
  Name: string;
  Values: string[];
  Condition?: string;
}

/** How each supported filter reads an item: a string for EQ/IN, a number of epoch seconds for BETWEEN. */
export type FilterFields<T> = Record<string, { value(item: T): string | number; conditions: readonly string[] }>;

export function applyFilters<T>(items: readonly T[], filters: readonly Filter[] | undefined, fields: FilterFields<T>): T[] {
  let out = [...items];
  for (const filter of filters ?? []) {
    const field = Object.hasOwn(fields, filter.Name) ? fields[filter.Name] : undefined;
    if (!field) throw invalidInput(DISCOVERY.unsupportedFilter(filter.Name));
    const condition = filter.Condition ?? 'EQ';
    if (!field.conditions.includes(condition)) throw invalidInput(DISCOVERY.filterCondition(filter.Name, condition));
    const values = filter.Values;
    if (condition === 'EQ' && values.length !== 1) throw invalidInput(DISCOVERY.filterValues(filter.Name, condition, 'exactly one value'));
    if (condition === 'IN' && values.length < 1) throw invalidInput(DISCOVERY.filterValues(filter.Name, condition, 'at least one value'));
    if (condition === 'BETWEEN') {
      const [from, to] = values.map(Number);
      if (values.length !== 2 || !Number.isFinite(from) || !Number.isFinite(to)) {
        throw invalidInput(DISCOVERY.filterValues(filter.Name, condition, 'two epoch-second values'));
      }
      out = out.filter((item) => {
        const v = Number(field.value(item));
        return v >= from && v <= to;
      });
    } else {
      out = out.filter((item) => values.includes(String(field.value(item))));
    }
  }
  return out;
}
