import { describe, expect, it } from 'vitest';
import { deploymentSeriesColour, hashString, serviceHue, taskColour } from '../../../web/view/colours.ts';

describe('colours', () => {
  it('hashString is FNV-1a 32-bit', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c); // the FNV-1a test vector for "a"
  });

  it('a service keeps its hue; different services differ; no service is grey', () => {
    expect(serviceHue('web')).toBe(serviceHue('web'));
    expect(serviceHue('web')).not.toBe(serviceHue('api'));
    expect(serviceHue('web')).toBeGreaterThanOrEqual(0);
    expect(serviceHue('web')).toBeLessThan(360);
    expect(serviceHue(undefined)).toBe(-1);
    expect(taskColour(undefined, 'NONE')).toBe('hsl(0 0% 55%)');
  });

  it('PRIMARY is darker than ACTIVE in the same hue', () => {
    const hue = serviceHue('web');
    expect(taskColour('web', 'PRIMARY')).toBe(`hsl(${hue} 70% 42%)`);
    expect(taskColour('web', 'ACTIVE')).toBe(`hsl(${hue} 55% 72%)`);
    expect(taskColour('web', 'PRIMARY', true)).toBe(`hsl(${hue} 70% 60%)`);
  });

  it('timeline series colours cycle', () => expect(deploymentSeriesColour(6)).toBe(deploymentSeriesColour(0)));
});
