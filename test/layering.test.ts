// The one hard boundary of architecture.md §2, checked on the import graph:
// assembly/ imports only assembly/; src/ never touches the DOM or web/; web/ never touches WASM.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2]);

describe('layering', () => {
  it('assembly/ imports nothing outside assembly/', () => {
    const bad = filesUnder('assembly').flatMap((f) =>
      importsOf(f).filter((i) => !i.startsWith('.') || relative(root, join(root, f, '..', i)).startsWith('..') ||
        !relative(root, join(root, f, '..', i)).startsWith('assembly')).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('src/ never imports web/ and never uses the DOM', () => {
    const bad: string[] = [];
    for (const f of filesUnder('src')) {
      for (const i of importsOf(f)) if (i.includes('/web/') || i === 'lit' || i.startsWith('lit/')) bad.push(`${f} → ${i}`);
      const text = readFileSync(join(root, f), 'utf8');
      if (/\b(document|window)\.(createElement|querySelector|getElementById|body|addEventListener)\b/.test(text)) bad.push(`${f} uses the DOM`);
    }
    expect(bad).toEqual([]);
  });

  it('web/ never imports the WASM layer or the engine directly', () => {
    const bad = filesUnder('web').flatMap((f) =>
      importsOf(f).filter((i) => /\/(wasm|engine|reference|assembly)\//.test(i) || i.endsWith('.wasm')).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('the layers below the API never import it (architecture §2: nothing imports upward)', () => {
    const below = ['src/engine', 'src/query', 'src/domain', 'src/reference', 'src/wasm', 'src/placement', 'src/shared', 'src/model', 'src/persistence'];
    const bad = below.flatMap(filesUnder).flatMap((f) =>
      importsOf(f).filter((i) => relative(root, join(root, f, '..', i)).startsWith('src/api/')).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('src/api and src/engine never read the wall clock or Math.random', () => {
    const bad = [...filesUnder('src/api'), ...filesUnder('src/engine')].filter((f) =>
      /\bDate\.now\(|\bMath\.random\(|\bperformance\.now\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(bad).toEqual([]);
  });
});
