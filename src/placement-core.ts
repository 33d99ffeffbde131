// The one interface every placement core implements: the WASM core (src/wasm), the literal TS
// reference (the oracle) and the indexed TS reference (the baseline). They must give identical answers.
import type { PlacementProblem, PlacementResult, ScaleInProblem, ScaleInResult } from './placement/placement-problem.ts';
import type { ResidentClusterStore } from './placement/resident-cluster-store.ts';
import type { DeploymentStep, DeploymentStepInput } from './placement/deployment-step.ts';

export interface PlacementCore {
  readonly name: string;
  /** Places problem.count tasks one at a time (semantics 4–6); stops at the first that cannot be placed. */
  placeTasks(problem: PlacementProblem): PlacementResult;
  /** Chooses problem.count stoppable tasks (semantics 8). */
  selectTasksToStop(problem: ScaleInProblem): ScaleInResult;
  /** A new, empty store of one cluster's hot state kept across calls (performance notes 4); it places with this core. */
  createClusterStore(): ResidentClusterStore;
  /** MIN, MAX and the launch / retire / scale-in counts of one service step (semantics 9.1, 9.3). */
  deploymentStep(input: DeploymentStepInput): DeploymentStep;
}
