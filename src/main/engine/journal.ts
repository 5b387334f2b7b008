// The durable journal: one JSON record per run, replaced atomically at every state change
// (before and after each step). Whatever the journal says is the truth after a crash.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RunRecordSchema, type RunRecord } from '../../shared/model';
import { writeFileAtomic } from '../os/atomic-file';
import { isRunId } from './run-id';

export interface JournalProblem {
  file: string;
  message: string;
}

export class Journal {
  readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'journal');
  }

  private fileOf(runId: string): string {
    if (!isRunId(runId)) throw new Error(`not a run id: ${JSON.stringify(runId).slice(0, 60)}`);
    return join(this.dir, `${runId}.json`);
  }

  async write(record: RunRecord): Promise<void> {
    record.updatedAt = new Date().toISOString();
    await writeFileAtomic(this.fileOf(record.runId), JSON.stringify(record, null, 1));
  }

  async read(runId: string): Promise<RunRecord | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileOf(runId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return RunRecordSchema.parse(JSON.parse(text));
  }

  /** Every readable record, newest first; unreadable ones are reported, never fatal. */
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
      try {
        const parsed = RunRecordSchema.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
        if (parsed.success) records.push(parsed.data);
        else problems.push({ file: name, message: parsed.error.issues[0]?.message ?? 'invalid record' });
      } catch (error) {
        problems.push({ file: name, message: (error as Error).message });
      }
    }
    records.sort((a, b) => (a.runId < b.runId ? 1 : -1));
    return { records, problems };
  }
}
