// Scenario files (issue 5 item 4, import/export): their names and the size guard. No DOM here; the
// library element (ecs-scenario-library) does the downloading and reading.
import { MAX_SCENARIO_BYTES } from './share-link.ts';

/** What Export writes after the scenario's name. */
export const SCENARIO_FILE_SUFFIX = '.ecs-sandbox.json';
/** What "Download raw data" of a damaged record writes after the scenario's name. */
export const RAW_FILE_SUFFIX = '.raw.json';
/** Files larger than this are refused before they are read (the share link's unpacking limit too). */
export const MAX_IMPORT_BYTES = MAX_SCENARIO_BYTES;
/** The library's name limit (src/persistence/scenario-library.ts MAX_NAME_LENGTH; web/ may not import it). */
export const MAX_SCENARIO_NAME = 100;
/** The name of a scenario imported from a file whose name says nothing. */
export const IMPORTED_NAME = 'Imported scenario';

/** Characters no file system takes in a name (Windows is the strictest), and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/** A scenario name as the stem of a file name: unsafe characters become `-`; never empty. */
export function fileStem(name: string): string {
  const stem = name.replace(/\s+/g, ' ').replace(UNSAFE, '-').trim().replace(/^[.\s-]+|[.\s]+$/g, '').slice(0, MAX_SCENARIO_NAME).trim();
  return stem || 'scenario';
}

/** `Demo` → `Demo.ecs-sandbox.json`. */
export const exportFileName = (name: string) => `${fileStem(name)}${SCENARIO_FILE_SUFFIX}`;

/** `Demo` → `Demo.raw.json`: the stored record of a damaged scenario, as it is. */
export const rawFileName = (name: string) => `${fileStem(name)}${RAW_FILE_SUFFIX}`;

/** The scenario name an imported file gets: its name without the folder and the `.ecs-sandbox.json` / `.json` ending. */
export function scenarioNameFromFile(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const lower = base.toLowerCase();
  const ending = [SCENARIO_FILE_SUFFIX, RAW_FILE_SUFFIX, '.json'].find((s) => lower.endsWith(s));
  const name = (ending ? base.slice(0, -ending.length) : base).replace(/\s+/g, ' ').trim().slice(0, MAX_SCENARIO_NAME).trim();
  return name || IMPORTED_NAME;
}

/** `8 MB`, `512 KB`, `20 bytes`: binary units, at most one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [size, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number(size.toFixed(1)).toLocaleString('en')} ${unit}`;
}

/** Why a file of `bytes` is not imported, or undefined when its size is fine (checked before reading it). */
export function importSizeProblem(fileName: string, bytes: number): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return `${fileName} is ${formatBytes(bytes)}; scenario files over ${formatBytes(MAX_IMPORT_BYTES)} are not imported. Nothing was changed.`;
}

/** Export's file content: EcsSandbox.ExportScenario's output as 2-space JSON with a final newline. */
export const exportFileText = (exported: unknown) => `${JSON.stringify(exported, null, 2)}\n`;
