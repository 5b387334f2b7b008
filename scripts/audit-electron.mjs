#!/usr/bin/env node
// `npm run audit:electron`: Doyensec's Electronegativity over what we write and what we ship.
//  1. src/                     the TypeScript sources (its parser reads TS/TSX), where its per-call
//                              checks (BrowserWindow options, openExternal, ...) see our own code;
//  2. the built app (dist/main, dist/preload, dist/renderer + package.json, staged together as
//     the asar would hold them), so the whole-app checks (CSP, navigation limits, permission
//     handler) judge the bundles that really ship.
// Exit 0 only when every finding is a manual-review item listed, with its reason, in
// scripts/electronegativity-reviewed.json. Any other finding, an unreviewed manual-review item or
// a file the tool could not parse (a blind spot) exits 1. Exit 2: nothing to audit (run the build).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const REVIEWED_FILE = join(ROOT, 'scripts', 'electronegativity-reviewed.json');
const REPORT_FILE = join(ROOT, 'test-results', 'electronegativity.json');

/** The Electron version the app ships with (the installed package, else the range in package.json). */
function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    return String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
  }
}

function stageBuild() {
  const parts = ['dist/main', 'dist/preload', 'dist/renderer'];
  const missing = parts.filter((p) => !existsSync(join(ROOT, p)));
  if (missing.length) return { missing };
  const dir = mkdtempSync(join(tmpdir(), 'sd-audit-'));
  const app = join(dir, 'build');
  mkdirSync(app);
  for (const p of parts) cpSync(join(ROOT, p), join(app, p.replace(/^dist\//, '')), { recursive: true, filter: (src) => !src.endsWith('.map') });
  cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  return { dir, app };
}

/** Runs Electronegativity quietly (it prints progress and network notices) and returns its result. */
async function scan(run, input, version) {
  const log = console.log;
  const warn = console.warn;
  const noise = [];
  console.log = (...args) => noise.push(args.join(' '));
  console.warn = (...args) => noise.push(args.join(' '));
  try {
    return await run({ input, isRelative: true, customScan: [], excludeFromScan: [], parserPlugins: [], electronVersionOverride: version }, false);
  } finally {
    console.log = log;
    console.warn = warn;
  }
}

const key = (f) => `${f.check} ${f.file}`;

function loadReviewed() {
  const doc = JSON.parse(readFileSync(REVIEWED_FILE, 'utf8'));
  if (!Array.isArray(doc.reviewed)) throw new Error(`${REVIEWED_FILE}: "reviewed" must be an array`);
  for (const entry of doc.reviewed) {
    if (typeof entry.check !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string' || entry.reason.length < 20) {
      throw new Error(`${REVIEWED_FILE}: every entry needs check, file and a real reason (${JSON.stringify(entry)})`);
    }
  }
  return doc.reviewed;
}

async function main() {
  const runModule = require('@doyensec/electronegativity');
  const run = runModule.default ?? runModule;
  const version = electronVersion();
  const staged = stageBuild();
  if (staged.missing) {
    console.error(`audit:electron: ${staged.missing.join(', ')} missing; run \`npm run build\` first.`);
    return 2;
  }
  const reviewed = loadReviewed();
  const findings = [];
  const blindSpots = [];
  try {
    for (const [label, input] of [['src', join(ROOT, 'src')], ['build', staged.app]]) {
      const result = await scan(run, input, version);
      for (const e of result.errors ?? []) if (!e.tolerable) blindSpots.push(`${label}/${e.file}: ${e.message}`);
      for (const issue of result.issues) {
        findings.push({
          check: issue.id,
          file: issue.file === 'N/A' ? `${label}/*` : `${label}/${issue.file.replace(/\\/g, '/')}`,
          line: issue.location?.line ?? 0,
          severity: issue.severity?.name ?? 'UNKNOWN',
          confidence: issue.confidence?.name ?? 'UNKNOWN',
          manualReview: Boolean(issue.manualReview),
          description: issue.description,
          sample: typeof issue.sample === 'string' ? issue.sample.slice(0, 160) : undefined,
        });
      }
    }
  } finally {
    rmSync(staged.dir, { recursive: true, force: true });
  }

  const reviewedKeys = new Map(reviewed.map((r) => [key(r), r]));
  const failures = findings.filter((f) => !f.manualReview);
  const unreviewed = findings.filter((f) => f.manualReview && !reviewedKeys.has(key(f)));
  const accepted = findings.filter((f) => f.manualReview && reviewedKeys.has(key(f)));
  const stale = reviewed.filter((r) => !r.onlyWithNetwork && !findings.some((f) => key(f) === key(r)));

  const bySeverity = {};
  const byCheck = {};
  for (const f of findings) {
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  }
  console.log(`Electronegativity (Electron ${version}) over src/ and the built app: ${findings.length} finding(s)`);
  console.log(`  by severity: ${Object.entries(bySeverity).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`  by check:    ${Object.entries(byCheck).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`  manual review, reviewed: ${accepted.length}; unreviewed: ${unreviewed.length}; other findings: ${failures.length}; unparsed files: ${blindSpots.length}`);
  for (const f of accepted) console.log(`  ok   ${f.check} ${f.file}:${f.line} (reviewed: ${reviewedKeys.get(key(f)).reason.slice(0, 90)}…)`);
  for (const f of failures) console.log(`  FAIL ${f.check} [${f.severity}/${f.confidence}] ${f.file}:${f.line} ${f.description ?? ''}`);
  for (const f of unreviewed) {
    console.log(`  FAIL unreviewed manual-review item ${f.check} ${f.file}:${f.line} ${f.sample ?? ''}`);
    console.log(`       review it, then add {"check": "${f.check}", "file": "${f.file}", "reason": "..."} to scripts/electronegativity-reviewed.json and the list in docs/security.md`);
  }
  for (const b of blindSpots) console.log(`  FAIL not parsed (a blind spot): ${b}`);
  for (const r of stale) console.log(`  note reviewed entry no longer found (remove it): ${r.check} ${r.file}`);

  mkdirSync(dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, JSON.stringify({ electron: version, findings, failures, unreviewed, blindSpots, stale }, null, 2));
  console.log(`  full report: ${REPORT_FILE}`);
  return failures.length || unreviewed.length || blindSpots.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`audit:electron failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
