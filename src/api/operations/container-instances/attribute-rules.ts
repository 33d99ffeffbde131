// Attribute names and values (semantics 4.7, API18 `Attribute`) and which attributes count as custom.
import type { Attribute } from '../../../model/ecs-types.ts';
import type { OperationContext } from '../../operation-context.ts';
import { invalidParameter } from '../../aws-error.ts';
import { CONTAINER_INSTANCES } from '../../../messages.ts';

/** "Up to 128 letters (uppercase and lowercase), numbers, hyphens, underscores, and periods." */
const NAME = /^[A-Za-z0-9_.-]+$/;
/** "… periods, at signs (@), forward slashes, colons, and spaces." */
const VALUE = /^[A-Za-z0-9_.@/: -]+$/;

/** Name, then value; both need at least one character (Decision: an empty value is not "no value"). */
export function assertValidAttribute(ctx: OperationContext, attribute: Attribute): void {
  const { attributeNameMaxLength: nameMax, attributeValueMaxLength: valueMax } = ctx.era;
  if (!NAME.test(attribute.name) || attribute.name.length > nameMax) {
    throw invalidParameter(CONTAINER_INSTANCES.badAttributeName(nameMax));
  }
  const value = attribute.value;
  if (value !== undefined && (!VALUE.test(value) || value.length > valueMax)) {
    throw invalidParameter(CONTAINER_INSTANCES.badAttributeValue(valueMax));
  }
}

/**
 * Decision: the built-in attributes are those ECS and its agent set, named `ecs.*` or
 * `com.amazonaws.ecs.*` (4.7); every other name is custom and counts toward the limit of 10 per
 * resource (API18 AttributeLimitExceededException).
 */
export const isCustomAttributeName = (name: string): boolean =>
  !name.startsWith('ecs.') && !name.startsWith('com.amazonaws.ecs.');

export const countCustomAttributes = (attributes: readonly Attribute[]): number =>
  attributes.filter((a) => isCustomAttributeName(a.name)).length;

/** Sets `name` to `value` (no value: the name alone), keeping the attribute's place if it exists. */
export function setAttribute(attributes: Attribute[], name: string, value: string | undefined): void {
  const next: Attribute = value === undefined ? { name } : { name, value };
  const at = attributes.findIndex((a) => a.name === name);
  if (at >= 0) attributes[at] = next;
  else attributes.push(next);
}
