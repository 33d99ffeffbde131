// Placement constraints and strategies as ordered form rows (semantics 4.9, 6.1, 6.2).
import type { PlacementConstraint, PlacementStrategy } from './aws-shapes.ts';
import { arr, defined, isRecord, optional, str } from './form-values.ts';

export interface ConstraintRow { type: string; expression: string }
export interface StrategyRow { type: string; field: string }

/** 2018 limits (era.ts): 5 strategies per service; 10 constraints per task, service and task definition together. */
export const MAX_STRATEGIES = 5;
export const MAX_CONSTRAINTS = 10;

/**
 * The fields each strategy type accepts (6.1). `spread` takes any `attribute:<name>`; these are the
 * built-in ones (4.7). `random` takes none (a field is ignored and echoed).
 */
export const STRATEGY_FIELDS: Record<string, readonly string[]> = {
  binpack: ['cpu', 'memory'],
  spread: ['instanceId', 'host', 'attribute:ecs.availability-zone', 'attribute:ecs.instance-type', 'attribute:ecs.os-type', 'attribute:ecs.ami-id'],
  random: [],
};

/** The field a new row of this type starts with. */
export const defaultStrategyField = (type: string): string => (type === 'binpack' ? 'memory' : type === 'spread' ? 'attribute:ecs.availability-zone' : '');

export const constraintToRequest = (row: ConstraintRow): PlacementConstraint =>
  defined({ type: row.type, expression: row.type === 'distinctInstance' ? optional(row.expression) : row.expression.trim() === '' ? undefined : row.expression });

export const strategyToRequest = (row: StrategyRow): PlacementStrategy => defined({ type: row.type, field: optional(row.field) });

export const constraintRows = (value: unknown): ConstraintRow[] =>
  arr(value).filter(isRecord).map((c) => ({ type: str(c.type), expression: str(c.expression) }));

export const strategyRows = (value: unknown): StrategyRow[] =>
  arr(value).filter(isRecord).map((s) => ({ type: str(s.type), field: str(s.field) }));

/** Moves row `from` one place up (-1) or down (+1); order matters (6.2). */
export function moveRow<T>(rows: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  [out[from], out[to]] = [out[to], out[from]];
  return out;
}
