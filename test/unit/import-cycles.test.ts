// No import cycle anywhere in src: every relative import (static, type-only, re-export or dynamic)
// is an edge of the graph, and the graph must have no strongly connected component larger than
// one file. A cycle makes the load order decide what a module sees (undefined at first use) and
// hides a layering problem (report/bundle.ts <-> report/report-html.ts was one).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

function relativeImports(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s*['"](\.[^'"]*)['"]/g)) found.add(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"](\.[^'"]*)['"]/g)) found.add(m[1]!);
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"](\.[^'"]*)['"]\s*\)/g)) found.add(m[1]!);
  return [...found];
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Tarjan's strongly connected components; returns those with more than one node (or a self-edge). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

describe('import cycles', () => {
  it('finds a planted cycle (the finder works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(relativeImports("import type { X } from './x';\nexport * from '../y';\nconst m = await import('./z');")).toEqual(['./x', '../y', './z']);
  });

  it('there is none in src', () => {
    const graph = new Map<string, string[]>();
    for (const file of files(SRC)) {
      const targets = relativeImports(readFileSync(file, 'utf8'))
        .map((spec) => resolveImport(file, spec))
        .filter((t): t is string => t !== undefined);
      graph.set(relative(SRC, file), targets.map((t) => relative(SRC, t)));
    }
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });
});
