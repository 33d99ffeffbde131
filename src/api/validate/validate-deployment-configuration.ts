// 15.1 #25 and #26 (D39): minimumHealthyPercent in [0, 100], maximumPercent ≥ 100, checked on the
// configuration the service would have (defaults of 2.3 filled in; UpdateService merges, D30).
import type { DeploymentConfiguration } from '../../model/ecs-types.ts';
import { invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';

export function validateDeploymentConfiguration(config: Required<DeploymentConfiguration>): void {
  const { minimumHealthyPercent: min, maximumPercent: max } = config;
  if (min < 0 || min > 100) throw invalidParameter(SERVICES.minimumHealthyPercentRange(min));
  if (max < 100) throw invalidParameter(SERVICES.maximumPercentTooLow(max));
}

/** Member-by-member merge over a base configuration (2.3 defaults on create, the current one on update). */
export const mergeDeploymentConfiguration = (
  base: Required<DeploymentConfiguration>, given: DeploymentConfiguration | undefined,
): Required<DeploymentConfiguration> => ({
  maximumPercent: given?.maximumPercent ?? base.maximumPercent,
  minimumHealthyPercent: given?.minimumHealthyPercent ?? base.minimumHealthyPercent,
});
