// The length, range and pattern rules of the Auto Naming model, which the generic validator does not
// check, reported as Coral reports them: InvalidInput "1 validation error detected: Value '<v>' at
// '<member>' failed to satisfy constraint: <rule>", with member paths in lower camel case.
import { AwsError } from '../../aws-error.ts';
import { DISCOVERY } from '../../../messages.ts';

export const invalidInput = (message: string) => new AwsError('InvalidInput', message);

function violation(value: unknown, path: string, rule: string): AwsError {
  return invalidInput(DISCOVERY.constraint(value === undefined || value === null ? 'null' : `'${String(value)}'`, path, rule));
}

export function requireLength(value: string | undefined, path: string, max: number, min = 0): void {
  if (value === undefined) return;
  if (value.length > max) throw violation(value, path, DISCOVERY.maxLength(max));
  if (value.length < min) throw violation(value, path, DISCOVERY.minLength(min));
}

export function requireRange(value: number | undefined, path: string, min: number, max: number): void {
  if (value === undefined) return;
  if (value < min) throw violation(value, path, DISCOVERY.minValue(min));
  if (value > max) throw violation(value, path, DISCOVERY.maxValue(max));
}

/** `pattern` is the model's pattern text, printed as Coral prints it. */
export function requirePattern(value: string | undefined, path: string, pattern: string): void {
  if (value !== undefined && !new RegExp(pattern).test(value)) throw violation(value, path, DISCOVERY.pattern(pattern));
}

export function requirePresent(value: unknown, path: string): void {
  if (value === undefined) throw violation(undefined, path, 'Member must not be null');
}

/** Model limits (servicediscovery-2017-03-14.json): ResourceId, ResourceDescription, MaxResults, … */
export const LIMITS = {
  resourceId: 64,
  description: 1024,
  namespaceName: 253,
  resourcePath: 255,
  attributeKey: 255,
  attributeValue: 1024,
  maxResults: 100,
  ttlMax: 2147483647,
  failureThreshold: { min: 1, max: 10 },
} as const;

export const SERVICE_NAME_PATTERN =
  '((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\\.$)';
export const INSTANCE_ID_PATTERN = '^[0-9a-zA-Z_/:.@-]+$';
export const ATTRIBUTE_KEY_PATTERN = '^[a-zA-Z0-9!-~]+$';
export const ATTRIBUTE_VALUE_PATTERN = '^([a-zA-Z0-9!-~][ \\ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$';

/** MaxResults of the List* operations: 1–100 (model), default 100. */
export function requireMaxResults(maxResults: number | undefined): void {
  requireRange(maxResults, 'maxResults', 1, LIMITS.maxResults);
}
