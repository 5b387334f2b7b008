// `fleet summarize` through the built CLI (`npm run build` first) over a generated fleet: hundreds
// of machine files made from real `diagnose --json` runs (test/support/fleet.ts: four real trees,
// a real support bundle, names, times and findings varied by a seeded PRNG), duplicates of the same
// machines older and newer, nameless files, and every kind of broken, foreign and special file.
// Every count of the summary is checked exactly against what the generator wrote.
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FleetSummarySchema, type FleetSummary } from '../../../src/shared/contract/fleet';
import { tempDir } from '../../support/browser';
import { CLI_PATH, runBuiltCli } from '../../support/cli';
import { captureRealDocuments, writeFleet, type FleetTruth } from '../../support/fleet';

/** RFC 4180 rows (quoted cells, doubled quotes), as a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const toRecord = <T, V>(items: readonly T[], key: (t: T) => string, value: (t: T) => V): Record<string, V> => Object.fromEntries(items.map((t) => [key(t), value(t)]));

describe('fleet summarize, built CLI', () => {
  let dir: string;
  let truth: FleetTruth;
  let summary: FleetSummary;
  let stdout: string;

  beforeAll(async () => {
    if (!existsSync(CLI_PATH)) throw new Error('dist/cli.js is missing: run `npm run build` first');
    dir = tempDir('fleet-cli');
    const real = await captureRealDocuments(join(dir, 'real'));
    truth = await writeFleet(join(dir, 'fleet'), real, { seed: 14, machines: 240, duplicates: 40, nameless: 12, broken: true, hostile: true });
    const r = await runBuiltCli(['fleet', 'summarize', truth.root, '--json'], { timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    summary = FleetSummarySchema.parse(JSON.parse(r.stdout));
  }, 240_000);

  it('reads every machine file once and skips each broken, foreign or special file, by reason', () => {
    expect(truth.read).toBeGreaterThan(290);
    expect(summary.schemaVersion).toBe(1);
    expect(summary.inputs.read).toBe(truth.read);
    expect(summary.inputs.byKind).toEqual(truth.byKind);
    expect(summary.inputs.superseded).toBe(truth.superseded);
    expect(summary.inputs.ignored).toBe(truth.ignored);
    expect(toRecord(summary.inputs.skipped.byReason, (r) => r.reason, (r) => r.files)).toEqual(truth.skipped);
    expect(summary.inputs.skipped.total).toBe(Object.values(truth.skipped).reduce((a, b) => a + b, 0));
    expect(summary.inputs.newerSchema.files).toBe(truth.newerSchema);
    expect(summary.inputs.newerSchema.examples).toEqual(['newer/NEW-1.json', 'newer/NEW-2.json']);
    expect(summary.inputs.findingsDropped).toBe(truth.findingsDropped);
    // Named by the file's path inside the folder given.
    expect(summary.inputs.skipped.byReason.find((r) => r.reason === 'too-large')!.examples).toEqual(['junk/huge.json']);
  });

  it('counts machines (the newest file of each), findings by severity, errors with their first causes, OS and Teams exactly', () => {
    expect(summary.machines.total).toBe(truth.machines);
    expect(summary.machines.byWorst).toEqual(truth.byWorst);
    expect(summary.machines.withProblems).toBe(truth.withProblems);
    expect(toRecord(summary.findings, (f) => f.id, (f) => f.bySeverity)).toEqual(truth.findings);
    for (const f of summary.findings) expect(f.machines).toBe(f.bySeverity.fail + f.bySeverity.warn + f.bySeverity.info + f.bySeverity.ok);
    expect(toRecord(summary.errorCodes, (c) => c.display, (c) => ({ machines: c.machines, causes: toRecord(c.causes, (k) => k.id, (k) => k.machines) }))).toEqual(truth.errorCodes);
    expect(Object.keys(truth.errorCodes).length).toBeGreaterThan(1);
    expect(summary.errorCodes.find((c) => c.display === 'AADSTS53003')?.name).toBe('BlockedByConditionalAccess');
    expect(toRecord(summary.byOs, (o) => o.platform, (o) => o.machines)).toEqual(truth.byPlatform);
    for (const o of summary.byOs) expect(o.versions.reduce((a, v) => a + v.machines, 0)).toBe(o.machines);
    expect(toRecord(summary.byTeamsClient, (t) => t.client, (t) => t.machines)).toEqual(truth.byTeamsClient);
  });

  it('ranks the machines to look at first by the severity of what they have', () => {
    expect(summary.lookFirst.length).toBe(Math.min(50, truth.withProblems));
    const rank = { fail: 3, warn: 2, info: 1, ok: 0 } as const;
    for (let i = 1; i < summary.lookFirst.length; i++) {
      const [a, b] = [summary.lookFirst[i - 1]!, summary.lookFirst[i]!];
      expect(rank[a.worst] > rank[b.worst] || (a.worst === b.worst && a.fails >= b.fails), `${a.label} before ${b.label}`).toBe(true);
    }
    expect(summary.lookFirst[0]!.worst).toBe('fail');
    // Labelled by device name when the file has one, by its path otherwise.
    const named = summary.lookFirst.filter((x) => x.labelFrom === 'device-name');
    expect(named.length).toBeGreaterThan(0);
    for (const x of named) expect(truth.deviceNames.has(x.label), x.label).toBe(true);
    for (const x of summary.lookFirst.filter((y) => y.labelFrom === 'file')) expect(x.label).toBe(x.file);
  });

  it('no planted secret reaches the output', () => {
    for (const secret of truth.secrets) expect(stdout).not.toContain(secret);
  });

  it('the human picture: calm, short, most important first; the duplicates and skipped files said', async () => {
    const r = await runBuiltCli(['fleet', 'summarize', truth.root], { timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout;
    expect(text.split('\n')[0]).toBe(`Fleet: ${truth.machines} machines from ${truth.read} files.`);
    expect(text).toContain(`${truth.superseded} older files described a machine that a newer file describes too: the newest file of each machine counts.`);
    expect(text).toContain(`Skipped ${summary.inputs.skipped.total} files:`);
    expect(text).toContain('4 not valid JSON (cut short, damaged or empty)');
    expect(text).toContain('2 files came from a newer version of Sign-in Doctor: read as far as possible (newer/NEW-1.json, newer/NEW-2.json).');
    const order = ['Look at these first:', 'Problems by finding (machines):', 'Sign-in errors (the newest of each machine):', 'By OS:', 'By Teams client:'].map((h) => text.indexOf(h));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text.split('\n').length).toBeLessThan(120);
    for (const secret of truth.secrets) expect(text).not.toContain(secret);
    // No control character of a hostile file reaches the terminal.
    expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)).toBe(false); // eslint-disable-line no-control-regex -- finding control characters is the point
  });

  it('--csv: one row per machine and finding, every cell quoted, formulas defused; --html written; nothing overwritten', async () => {
    const csv = join(dir, 'fleet.csv');
    const html = join(dir, 'fleet.html');
    const r = await runBuiltCli(['fleet', 'summarize', truth.root, '--csv', csv, '--html', html], { timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote one row per machine and finding to ${csv}.`);
    const lines = (await readFile(csv, 'utf8')).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('"machine","named_by","file","document","time","os","os_version","teams_client","worst","finding","domain","severity","title","error_code","error_name","first_cause","newer_schema"');
    expect(lines.length - 1).toBe(truth.csvRows);
    for (const line of lines) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
    const cells = parseCsv(await readFile(csv, 'utf8'));
    expect(cells.length).toBe(lines.length);
    for (const row of cells) expect(row.length).toBe(17);
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(cells.some((row) => row[0] === "'=HYPERLINK(\"http://203.0.113.9/x\",\"open\")")).toBe(true);
    expect(cells.some((row) => row[0] === "'@SUM(1+1)*cmd|' /C calc'!A0")).toBe(true);
    const page = await readFile(html, 'utf8');
    for (const text of [lines.join('\n'), page]) for (const secret of truth.secrets) expect(text).not.toContain(secret);
    // The finding title that carried the token is there, with the token cut out.
    expect(cells.some((row) => row[12] === 'Token seen: Bearer [removed: token]')).toBe(true);
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(&quot;fleet&quot;)&lt;/script&gt;');

    // Given again, the same files are refused before anything is read, and left as they were.
    await writeFile(csv, 'kept');
    const again = await runBuiltCli(['fleet', 'summarize', truth.root, '--csv', csv], { timeoutMs: 60_000 });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${csv} exists already`);
    expect(await readFile(csv, 'utf8')).toBe('kept');
  });

  it('a CSV that cannot be written in full is a failure (exit 1) with a message, not a silent success', async () => {
    const csv = join(dir, 'cut-short.csv');
    // The file-size limit (here 4 blocks of 512 bytes) makes the kernel refuse writes past it with EFBIG:
    // a real write failure after the file was opened, as a full disk gives.
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile('/bin/sh', ['-c', 'ulimit -f 4 && exec "$@"', 'sh', process.execPath, CLI_PATH, 'fleet', 'summarize', truth.root, '--csv', csv], { timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        done({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
      });
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`could not write the CSV ${csv}: EFBIG`);
    expect(r.stdout).not.toContain('Wrote one row per machine');
    expect(statSync(csv).size).toBeLessThanOrEqual(4 * 512);
  });

  it('bad usage exits 2 with a clear message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['fleet'], /fleet summarize PATH/],
      [['fleet', 'count', dir], /unknown fleet command count/],
      [['fleet', 'summarize'], /name the files or folders/],
      [['fleet', 'summarize', join(dir, 'not-there')], /cannot read .*not-there: ENOENT/],
      [['fleet', 'summarize', dir, '--html'], /--html needs a value/],
      // The same file named two ways.
      [['fleet', 'summarize', dir, '--html', join(dir, 'same-out'), '--csv', `${dir}/./same-out`], /give --html and --csv different files/],
    ];
    for (const [args, message] of cases) {
      const r = await runBuiltCli(args, { timeoutMs: 60_000 });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
