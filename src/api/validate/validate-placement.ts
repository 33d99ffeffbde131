// 15.1 #17–#24: placement constraints and strategies (sections 4.9, 6.1, 7). Each rule runs over the
// whole list before the next rule, so the earlier rule wins even when a later entry breaks it.
import type { Era } from '../../engine/era.ts';
import type { PlacementStrategy } from '../../model/ecs-types.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';
import { assertValidExpression } from './validate-expression.ts';
import { shown, type ServiceDraft } from './service-draft.ts';

const CONSTRAINT_TYPES: readonly string[] = ['distinctInstance', 'memberOf'];
const STRATEGY_TYPES: readonly string[] = ['random', 'spread', 'binpack'];
const BINPACK_FIELDS: readonly string[] = ['cpu', 'memory'];
// 4.7: attribute names have 1–128 characters of [A-Za-z0-9-_.]
const SPREAD_FIELD = /^(instanceId|host|attribute:[A-Za-z0-9_.-]{1,128})$/;

export function validatePlacement(era: Era, draft: ServiceDraft): void {
  const constraints = draft.placementConstraints;
  const strategies = draft.placementStrategy;
  // #17, #18: "Task placement constraints are not supported for Fargate tasks" (DG18:task-placement)
  if (draft.launchType === 'FARGATE' && strategies.length > 0) throw invalidParameter(SERVICES.fargateStrategies);
  if (draft.launchType === 'FARGATE' && constraints.length > 0) throw invalidParameter(SERVICES.fargateConstraints);
  // #19
  if (strategies.length > era.maxStrategiesPerService) throw invalidParameter(SERVICES.tooManyStrategies(era.maxStrategiesPerService));
  // #20: the task definition's constraints count with the service's (4.9)
  const fromTaskDefinition = draft.taskDefinition.placementConstraints?.length ?? 0;
  if (constraints.length + fromTaskDefinition > era.maxConstraintsPerTask) {
    throw invalidParameter(SERVICES.tooManyConstraints(era.maxConstraintsPerTask));
  }
  // #21: the generic validator already refuses values outside the model's enums with the D52 text, so
  // this only fires for a type the enum lets through (none in API18); it stays for other callers.
  for (const c of constraints) if (!CONSTRAINT_TYPES.includes(c.type as string)) throw invalidParameter(SERVICES.badConstraintType(shown(c.type)));
  for (const s of strategies) if (!STRATEGY_TYPES.includes(s.type as string)) throw invalidParameter(SERVICES.badStrategyType(shown(s.type)));
  // #22: an empty expression counts as none
  for (const c of constraints) {
    if (c.type === 'distinctInstance' && c.expression !== undefined && c.expression !== '') {
      throw invalidParameter(SERVICES.distinctInstanceExpression);
    }
  }
  // #23: a missing expression is parsed as the empty text, so it gets the 5.8 parse-error message.
  for (const c of constraints) if (c.type === 'memberOf') assertValidExpression(c.expression ?? '');
  // #24
  for (const s of strategies) validateStrategyField(s);
}

function validateStrategyField(strategy: PlacementStrategy): void {
  // D25: binpack fields are case-insensitive
  if (strategy.type === 'binpack' && !BINPACK_FIELDS.includes((strategy.field ?? '').toLowerCase())) {
    throw invalidParameter(SERVICES.badBinpackField(shown(strategy.field)));
  }
  if (strategy.type === 'spread' && !SPREAD_FIELD.test(strategy.field ?? '')) {
    throw invalidParameter(SERVICES.badSpreadField(shown(strategy.field)));
  }
  // 6.1: a field on random is ignored and echoed
}

/** D25: binpack fields are echoed in lower case; every other strategy as given. */
export const canonicalStrategy = (strategy: PlacementStrategy): PlacementStrategy =>
  strategy.type === 'binpack' && strategy.field !== undefined ? { ...strategy, field: strategy.field.toLowerCase() } : { ...strategy };
