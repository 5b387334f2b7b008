// Writes journal records the way an attacker (or a careless tool) would: unsealed, sealed with the
// install's real key (an attacker who has it, or a bug of ours), or edited after sealing. The
// journal tests use it to prove the runner refuses each one and touches nothing.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSealKey, sealRecord } from '../../src/main/engine/journal-seal';
import { ensureStateDir } from '../../src/main/engine/state-dir';
import type { JournaledStep, RunRecord, RunStatus } from '../../src/shared/model';

export interface ForgedRun {
  runId: string;
  fixId: string;
  status: RunStatus;
  steps: Array<Pick<JournaledStep, 'kind' | 'data' | 'state'>>;
  undoable?: boolean;
  startedAt?: string;
}

export function forgedRecord(run: ForgedRun): RunRecord {
  const at = run.startedAt ?? '2026-11-20T06:00:00.000Z';
  const steps = run.steps.map((s) => ({ ...s, description: `forged ${s.kind}` }));
  return {
    schema: 1,
    runId: run.runId,
    fixId: run.fixId,
    status: run.status,
    startedAt: at,
    updatedAt: at,
    plan: { fixId: run.fixId, title: 'Forged', summary: 'forged', changes: [], keeps: [], steps: steps.map(({ kind, description, data }) => ({ kind, description, data })), needsAdmin: false, needsClosed: [], undoable: run.undoable ?? true, undoDescription: 'u', warnings: [] },
    options: {},
    steps,
    undoSteps: [],
  };
}

/** Plants a record in the journal of `stateDir`: 'sealed' with the real key, or 'unsealed' plain JSON. */
export async function plantRecord(stateDir: string, record: RunRecord, how: 'sealed' | 'unsealed'): Promise<string> {
  await ensureStateDir(stateDir);
  const dir = join(stateDir, 'journal');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const body = JSON.stringify(record, null, 1);
  const file = join(dir, `${record.runId}.json`);
  await writeFile(file, how === 'sealed' ? sealRecord(await loadSealKey(stateDir), body) : body, { mode: 0o600 });
  return file;
}
