// Every workload of `npm run bench`, in report order.
import type { AnyWorkload } from '../workload.ts';
import { a1RunTaskApi } from './a1-run-task-api.ts';
import { b1EcsMaxService } from './b1-ecs-max-service.ts';
import { b2C1mInATab } from './b2-c1m-in-a-tab.ts';
import { b3Stress } from './b3-stress.ts';
import { b4BruteForce } from './b4-brute-force.ts';
import { b5PathologicalConstraints } from './b5-pathological-constraints.ts';
import { b6RollingDeployment } from './b6-rolling-deployment.ts';
import { b5rResidentPerPlacement } from './b5r-resident-per-placement.ts';
import { b7IndexedBinpackRatio } from './b7-indexed-binpack-ratio.ts';
import { b14Memory } from './b14-memory.ts';
import { s1ScaleIn } from './s1-scale-in.ts';
import { s2ScaleIn } from './s2-scale-in-b6-stops.ts';
import { w1WhatIf } from './w1-what-if.ts';

export const WORKLOADS: AnyWorkload[] = [
  b1EcsMaxService, b2C1mInATab, b3Stress, b4BruteForce, b5PathologicalConstraints, b7IndexedBinpackRatio, b14Memory,
  s1ScaleIn, s2ScaleIn, b5rResidentPerPlacement, a1RunTaskApi, b6RollingDeployment, w1WhatIf,
];
