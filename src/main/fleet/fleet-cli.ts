// CLI command of the fleet domain: `fleet summarize PATH... [--json] [--html FILE] [--csv FILE]`.
// Reads files other machines wrote; never this machine's state, so it needs no service call.
import { createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CallFailure, UsageError, flag, hasFlag, type CommandRun, type Invocation } from '../common/cli-command';
import { FleetSummarySchema } from '../../shared/contract/fleet';
import { collectFleet } from './summarize-fleet';
import { csvLines } from './render-fleet-csv';
import { renderFleetHtml } from './render-fleet-html';
import { renderFleetText } from './render-fleet-text';
import type { MachineRecord } from './machine-record';
import { writeLines } from './write-lines';

function outputPath(inv: Invocation, name: 'html' | 'csv'): string | undefined {
  const value = flag(inv, name);
  if (hasFlag(inv, name) && value === undefined) throw new UsageError(`--${name} needs a file name`);
  return value;
}

/** An output file is never overwritten: said before anything is read, not after. */
async function mustBeNew(path: string, name: string): Promise<void> {
  try {
    await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`cannot write ${name} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  throw new UsageError(`${path} exists already: give a new file name for ${name}`);
}

async function writeNew(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

/** The CSV is written a line at a time as it is made (a fleet's CSV can be large). */
async function writeCsv(path: string, machines: Iterable<MachineRecord>): Promise<void> {
  await writeLines(createWriteStream(path, { flags: 'wx', mode: 0o600, encoding: 'utf8' }), csvLines(machines));
}

/** A failed write is the run's failure (exit 1), said plainly: never a silent success. */
async function orFail(what: string, path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new CallFailure('write-failed', `could not write ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 1);
  }
}

export const runFleet: CommandRun = async (inv) => {
  const [verb, ...paths] = inv.args;
  if (verb !== 'summarize') throw new UsageError(verb ? `unknown fleet command ${verb}: say \`fleet summarize PATH...\`` : 'say `fleet summarize PATH...` (files or folders of diagnose --json, remediate --json or report.json)');
  if (paths.length === 0) throw new UsageError('name the files or folders to summarize');
  for (const path of paths) {
    try {
      await stat(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  const html = outputPath(inv, 'html');
  const csv = outputPath(inv, 'csv');
  if (html) await mustBeNew(html, 'the page');
  if (csv) await mustBeNew(csv, 'the CSV');
  if (html && csv && resolve(html) === resolve(csv)) throw new UsageError('give --html and --csv different files');

  const now = new Date();
  const collector = await collectFleet(paths, { now });
  // Validated like every document we print: a bug here must not hand scripts a wrong shape.
  const summary = FleetSummarySchema.parse(collector.summary(now));
  const written: string[] = [];
  if (html) {
    await orFail('the page', html, () => writeNew(html, renderFleetHtml(summary)));
    written.push(`Wrote the page to ${html}.`);
  }
  if (csv) {
    await orFail('the CSV', csv, () => writeCsv(csv, collector.machines()));
    written.push(`Wrote one row per machine and finding to ${csv}.`);
  }
  const human = renderFleetText(summary) + (written.length ? `\n${written.join('\n')}\n` : '');
  return { exitCode: 0, json: summary, human };
};
