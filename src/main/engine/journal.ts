// The durable journal: one sealed JSON record per run, replaced atomically at every state change
// (before and after each step). Whatever the journal says is the truth after a crash, so only
// records that carry our seal, name their own file and parse are believed; the rest are reported.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RunRecordSchema, type RunRecord } from '../../shared/model';
import { writeFileAtomic } from '../os/atomic-file';
import { JournalSealError, loadSealKey, openSealed, sealRecord } from './journal-seal';
import { isRunId } from './run-id';
import { ensureStateDir } from './state-dir';

export interface JournalProblem {
  file: string;
  message: string;
}

/** A record on disk that is not believed (no seal, a broken seal, not a valid record). */
export class UntrustedRecordError extends Error {
  override name = 'UntrustedRecordError';
  /** What is wrong, without the run id (a list that names the file says it once). */
  readonly reason: string;
  constructor(runId: string, reason: string) {
    super(`journal record ${runId}${reason.startsWith(':') ? '' : ' '}${reason}`);
    this.reason = reason.replace(/^:\s*/, '');
  }
}

export class Journal {
  readonly dir: string;
  private key: Promise<Buffer> | undefined;

  constructor(private readonly stateDir: string) {
    this.dir = join(stateDir, 'journal');
  }

  /** Checks the state folder once per journal, then loads (or creates) the seal key. */
  private sealKey(): Promise<Buffer> {
    this.key ??= ensureStateDir(this.stateDir).then(() => loadSealKey(this.stateDir));
    // A failure is not cached: the user may fix the folder's permissions and try again.
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }

  private fileOf(runId: string): string {
    if (!isRunId(runId)) throw new Error(`not a run id: ${JSON.stringify(runId).slice(0, 60)}`);
    return join(this.dir, `${runId}.json`);
  }

  async write(record: RunRecord): Promise<void> {
    const key = await this.sealKey();
    record.updatedAt = new Date().toISOString();
    await writeFileAtomic(this.fileOf(record.runId), sealRecord(key, JSON.stringify(record, null, 1)));
  }

  private async parse(runId: string, text: string): Promise<RunRecord> {
    let body: string;
    try {
      body = openSealed(await this.sealKey(), text);
    } catch (error) {
      if (error instanceof JournalSealError) throw new UntrustedRecordError(runId, `: ${error.message}`);
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new UntrustedRecordError(runId, 'is not valid JSON');
    }
    const parsed = RunRecordSchema.safeParse(json);
    if (!parsed.success) throw new UntrustedRecordError(runId, `is not a valid record: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    // A sealed record copied under another run's name is still not that run.
    if (parsed.data.runId !== runId) throw new UntrustedRecordError(runId, `holds run ${parsed.data.runId.slice(0, 40)}`);
    return parsed.data;
  }

  async read(runId: string): Promise<RunRecord | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileOf(runId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return this.parse(runId, text);
  }

  /** Every believed record, newest first; the others are reported, never fatal and never acted on. */
  async list(): Promise<{ records: RunRecord[]; problems: JournalProblem[] }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], problems: [] };
      throw error;
    }
    const records: RunRecord[] = [];
    const problems: JournalProblem[] = [];
    for (const name of names) {
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        // A temp file left by a crash mid-write: the record it was replacing is still intact.
        await rm(join(this.dir, name), { force: true });
        continue;
      }
      if (!name.endsWith('.json') || !isRunId(name.slice(0, -5))) continue;
      let text: string;
      try {
        text = await readFile(join(this.dir, name), 'utf8');
      } catch (error) {
        problems.push({ file: name, message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
        continue;
      }
      try {
        records.push(await this.parse(name.slice(0, -5), text));
      } catch (error) {
        if (!(error instanceof UntrustedRecordError)) throw error;
        problems.push({ file: name, message: error.reason });
      }
    }
    records.sort((a, b) => (a.runId < b.runId ? 1 : -1));
    return { records, problems };
  }
}
