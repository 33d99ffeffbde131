// The deployment-step arithmetic of semantics 9.1 and 9.3, written as the spec writes it: the oracle
// for assembly/deployment/deployment-step.ts. No BigInt: with D ≤ 2^20 and a percent ≤ 2^31 − 1 (any
// API Integer), D × percent < 2^51 < 2^53 is an exact double, and `div` never rounds through a fraction.
// MIN and MAX saturate at 2^31 − 1 like the WASM core's i32 (only reachable with percents far above
// 2^16); that changes no k, j or s, since every count is below 2^31 − 2^24.
import type { DeploymentStep, DeploymentStepInput } from '../placement/deployment-step.ts';

const I32_MAX = 2 ** 31 - 1;

/** Integer division of non-negative safe integers: (a − a mod b) / b is an exact quotient. */
const div = (a: number, b: number) => (a - (a % b)) / b;

export function deploymentStep(input: DeploymentStepInput): DeploymentStep {
  const { desiredCount: D, minimumHealthyPercent, maximumPercent, total, healthy, primary, old, backoff } = input;
  const max = Math.min(I32_MAX, div(D * maximumPercent, 100)); // MAX = floor(D × max / 100)
  const min = Math.min(I32_MAX, div(D * minimumHealthyPercent + 99, 100)); // MIN = ceil(D × min / 100)
  const launch = backoff ? 0 : Math.max(0, Math.min(D - primary, max - total)); // section 11: back-off launches nothing
  const retire = Math.max(0, Math.min(old, healthy - min));
  const scaleIn = Math.max(0, primary - D); // a desiredCount decrease: MIN does not hold it back
  return { min, max, launch, retire, scaleIn };
}
