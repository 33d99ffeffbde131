// 15.1 #9–#11: launch type against the task definition, and the Fargate platform version (section 7).
import type { Era } from '../../engine/era.ts';
import { AwsError, invalidParameter } from '../aws-error.ts';
import { SERVICES } from '../../messages.ts';
import type { ServiceDraft } from './service-draft.ts';

export function validateLaunchType(era: Era, draft: ServiceDraft): void {
  const requires = (draft.taskDefinition.requiresCompatibilities ?? ['EC2']) as readonly string[];
  // #9: cpu/memory pairs were already checked at RegisterTaskDefinition (section 7).
  if (draft.launchType === 'FARGATE' && !requires.includes('FARGATE')) {
    throw invalidParameter(SERVICES.launchTypeNotSupported('FARGATE'));
  }
  if (draft.platformVersion === undefined) return;
  // #10
  if (draft.launchType === 'EC2') throw invalidParameter(SERVICES.platformVersionWithEc2);
  // #11: LATEST or a known version (1.3)
  if (!isKnownPlatformVersion(era, draft.platformVersion)) {
    throw new AwsError('PlatformUnknownException', SERVICES.platformUnknown);
  }
}

export const isKnownPlatformVersion = (era: Era, version: string): boolean =>
  version === 'LATEST' || (era.fargatePlatformVersions as readonly string[]).includes(version);

/** `LATEST` resolves to the era's latest version (D43); other versions are themselves. */
export const resolvePlatformVersion = (era: Era, version: string | undefined): string =>
  version === undefined || version === 'LATEST' ? era.fargateLatestPlatformVersion : version;

/** Dotted numeric versions: `1.0.0` < `1.1.0`. */
export function comparePlatformVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
