// The layering rule, checked on every import of every source file (ESLint checks it too):
// shared imports nothing of ours outside shared and no Node; only src/main/app imports electron;
// src/main/common imports only Node, shared and itself; a domain folder (src/main/teams, cac, ...)
// imports only engine, os, common, shared and itself, never another domain (what it needs of the
// others comes through the service's deps); the renderer imports only shared (and browser packages).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s*['"]([^'"]+)['"]/g)) found.add(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.add(m[1]!);
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]!);
  return [...found];
}

const layerOf = (abs: string) => relative(SRC, abs).split('/').slice(0, 2).join('/');

/** The domain folders of main (eslint.config.mjs lists the same). */
const DOMAIN_FOLDERS = ['explain', 'teams', 'cac', 'clock', 'network', 'device', 'report', 'diagnosis', 'fleet', 'remediate'];
const BELOW_DOMAINS = ['main/engine', 'main/os', 'main/common', 'shared'];

describe('layering', () => {
  const all = files(SRC);

  it('finds the sources', () => {
    expect(all.length).toBeGreaterThan(30);
  });

  for (const file of all) {
    const rel = relative(SRC, file);
    it(`${rel} respects the layers`, () => {
      for (const spec of imports(file)) {
        const target = spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
        if (rel.startsWith('shared/')) {
          expect(NODE.has(spec) || spec === 'electron', `${rel} imports ${spec}`).toBe(false);
          if (target) expect(relative(SRC, target).startsWith('shared'), `${rel} imports ${spec}`).toBe(true);
        } else if (rel.startsWith('renderer/')) {
          expect(NODE.has(spec) || spec === 'electron', `${rel} imports ${spec}`).toBe(false);
          if (target) expect(['renderer', 'shared'].some((l) => relative(SRC, target).startsWith(l)), `${rel} imports ${spec}`).toBe(true);
        } else if (rel.startsWith('main/common/')) {
          // Small pieces every layer of main may use (redaction): Node, shared and itself only.
          expect(spec, `${rel} imports electron`).not.toBe('electron');
          if (target) expect(['main/common', 'shared'].some((l) => relative(SRC, target).startsWith(l)), `${rel} imports ${spec}`).toBe(true);
          else expect(NODE.has(spec), `${rel} imports the package ${spec}`).toBe(true);
        } else if (DOMAIN_FOLDERS.some((d) => rel.startsWith(`main/${d}/`))) {
          const own = layerOf(file);
          expect(spec, `${rel} imports electron`).not.toBe('electron');
          if (target) {
            const to = relative(SRC, target);
            expect([own, ...BELOW_DOMAINS].some((l) => to === l || to.startsWith(`${l}/`)), `${rel} imports ${spec} (a domain imports only engine, os, common, shared and itself)`).toBe(true);
          }
        } else if (rel.startsWith('main/') && !rel.startsWith('main/app/')) {
          expect(spec, `${rel} imports electron`).not.toBe('electron');
          if (target) expect(layerOf(target).startsWith('renderer'), `${rel} imports ${spec}`).toBe(false);
        }
      }
    });
  }
});
