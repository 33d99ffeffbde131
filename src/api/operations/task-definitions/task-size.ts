// Task-level `cpu` and `memory` (API18 RegisterTaskDefinitionRequest): "It can be expressed as an integer
// using CPU units, for example 1024, or as a string using vCPUs, for example 1 vCPU or 1 vcpu … but will
// be converted to an integer indicating the CPU units when the task definition is registered"; memory
// likewise in MiB or as "1GB" / "1 GB". The registered definition echoes the converted integers.
import type { Era } from '../../../engine/era.ts';
import { invalidParameter } from '../../aws-error.ts';
import { TASK_DEFINITIONS } from '../../../messages.ts';

const INTEGER = /^[0-9]+$/;
const VCPU = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*vcpu$/i;
const GB = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*gb$/i;

/** `text` as whole units: an integer, or `<n> <suffix>` × 1024 when that is whole. */
function toUnits(text: string, suffix: RegExp): number | undefined {
  const trimmed = text.trim();
  if (INTEGER.test(trimmed)) return Number(trimmed);
  const m = suffix.exec(trimmed);
  if (!m) return undefined;
  const units = Number(m[1]) * 1024;
  return Number.isInteger(units) ? units : undefined;
}

/** CPU units as an integer string; 128–10240 (API18). InvalidParameterException otherwise. */
export function normaliseTaskCpu(era: Era, text: string): string {
  const units = toUnits(text, VCPU);
  if (units === undefined || units < era.taskCpuUnits.min || units > era.taskCpuUnits.max) {
    throw invalidParameter(TASK_DEFINITIONS.invalidTaskCpu);
  }
  return String(units);
}

/** MiB as an integer string, at least 1. InvalidParameterException otherwise. */
export function normaliseTaskMemory(text: string): string {
  const mib = toUnits(text, GB);
  if (mib === undefined || mib < 1 || !Number.isSafeInteger(mib)) throw invalidParameter(TASK_DEFINITIONS.invalidTaskMemory);
  return String(mib);
}

/** Whether (cpu, memory) is one of the Fargate sizes of semantics 7. */
export function isFargateSize(era: Era, cpu: string | undefined, memory: string | undefined): boolean {
  if (cpu === undefined || memory === undefined) return false;
  const size = era.fargateTaskSizes.find((s) => s.cpu === Number(cpu));
  return size !== undefined && (size.memory as readonly number[]).includes(Number(memory));
}
