// Members of a scenario that the sandbox would silently ignore. ECS ignores request members its model
// does not know (D1) and restore-document drops unknown members of a document (excalidraw's restore);
// `check` refuses both, since in a service definition a misspelt member does nothing at all.
//   - calls: SandboxApi.call reports each call's unknown members (CallResult.unknownMembers);
//   - documents: what restoreDocument left out, found by walking the input beside what it kept.

export interface UnknownMember {
  /** JSON path, e.g. `scenario.regions.us-east-1.foo` or (for a call) `deploymentConfiguration.minHealthy`. */
  path: string;
  /** For a call: its 1-based number and target. */
  call?: { index: number; target: string };
  /** True when the entry was left out because it is not an object (a list of records). */
  notAnObject?: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The members of `input` that `kept` (what restore made of it) does not have. Null members count as
 * absent, as restore reads them. Lists are compared entry by entry; entries restore dropped for not
 * being objects are reported as such, and the walk lines up the remaining ones.
 */
export function droppedMembers(input: unknown, kept: unknown, path: string, out: UnknownMember[] = []): UnknownMember[] {
  if (isObj(input)) {
    if (!isObj(kept)) return out;
    for (const [key, value] of Object.entries(input)) {
      if (value === null) continue;
      const at = `${path}.${key}`;
      if (!Object.hasOwn(kept, key)) out.push({ path: at });
      else droppedMembers(value, kept[key], at, out);
    }
    return out;
  }
  if (Array.isArray(input) && Array.isArray(kept)) {
    if (input.length === kept.length) {
      input.forEach((v, i) => droppedMembers(v, kept[i], `${path}[${i}]`, out));
      return out;
    }
    // restore's `records`: entries that are not objects are dropped from lists of records
    let k = 0;
    input.forEach((v, i) => {
      if (isObj(v)) droppedMembers(v, kept[k++], `${path}[${i}]`, out);
      else out.push({ path: `${path}[${i}]`, notAnObject: true });
    });
  }
  return out;
}
