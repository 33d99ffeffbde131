// 15.1 #4: service names (1.3: 1–255 of [A-Za-z0-9_-]); and the clientToken limit of API18.
import type { Era } from '../../engine/era.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';

export function validateServiceName(era: Era, serviceName: string): void {
  if (serviceName.length < 1 || serviceName.length > era.serviceNameMaxLength || !/^[A-Za-z0-9_-]+$/.test(serviceName)) {
    throw invalidParameter(SERVICES.badName);
  }
}

/** API18: "Up to 32 ASCII characters are allowed." 15.1 has no row for it; checked right after #4. */
export function validateClientToken(era: Era, clientToken: string | undefined): void {
  if (clientToken === undefined) return;
  if (clientToken.length > era.clientTokenMaxLength || !/^[\x20-\x7e]*$/.test(clientToken)) {
    throw invalidParameter(SERVICES.badClientToken(era.clientTokenMaxLength));
  }
}
