// Colours per service and per deployment, derived from names so they stay stable across reloads.
// Colour never carries meaning alone: the map also marks deployments by pattern and states by text.

/** FNV-1a over the UTF-16 units: a small, stable hash. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A hue (0–359) for a service; services without a name (standalone tasks) are grey (hue -1). */
export function serviceHue(serviceName: string | undefined): number {
  if (!serviceName) return -1;
  // golden-angle steps spread neighbouring hashes apart
  return Math.round((hashString(serviceName) % 360) * 137.508) % 360;
}

export type DeploymentShade = 'PRIMARY' | 'ACTIVE' | 'NONE';

/**
 * The fill of a task block: the service's hue, darker and saturated for the PRIMARY deployment,
 * lighter for an ACTIVE (older) one, grey for tasks outside services. Lightness is given for a light
 * background; `dark` lifts it for a dark one.
 */
export function taskColour(serviceName: string | undefined, shade: DeploymentShade, dark = false): string {
  const hue = serviceHue(serviceName);
  if (hue < 0) return dark ? 'hsl(0 0% 62%)' : 'hsl(0 0% 55%)';
  const lightness = shade === 'ACTIVE' ? (dark ? 78 : 72) : dark ? 60 : 42;
  const saturation = shade === 'ACTIVE' ? 55 : 70;
  return `hsl(${hue} ${saturation}% ${lightness}%)`;
}

/** Series colours of the deployment timeline: PRIMARY first, then older deployments. */
export function deploymentSeriesColour(index: number): string {
  const hues = [215, 28, 140, 280, 0, 190];
  return `hsl(${hues[index % hues.length]} 65% 45%)`;
}
