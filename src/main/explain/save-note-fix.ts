// "Save the explanation as a note for IT": the first, harmless fix. It writes the ready-to-send
// message (built from extracted ids, never the pasted text) into the state folder, and undo
// deletes it. It exercises the whole plan/journal/apply/verify/undo loop for real.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { explainFixOptions } from '../../shared/contract/explain';
import type { FixDefinition } from '../engine/types';
import { explainText } from '../common/explain/explain-text';

const Options = explainFixOptions['explain.save-note'];

export function notePath(stateDir: string, runId: string): string {
  return join(stateDir, 'notes', `it-note-${runId}.txt`);
}

export const saveNoteFix: FixDefinition<z.infer<typeof Options>> = {
  id: 'explain.save-note',
  domain: 'explain',
  title: 'Save a note for IT',
  description: 'Saves the message for IT (codes, Correlation ID, Request ID, timestamp) as a text file you can attach to a ticket.',
  options: Options,
  stdinOption: 'text',
  secretOptions: ['text'],
  // Notes live in the state folder's notes/ and nowhere else.
  scope: (ctx) => ({ stepKinds: ['fs.create-file'], roots: [join(ctx.stateDir, 'notes')] }),
  async plan(ctx, { text }) {
    const explanation = explainText(text);
    const path = notePath(ctx.stateDir, ctx.runId);
    return {
      fixId: 'explain.save-note',
      title: 'Save a note for IT',
      summary: explanation.codes.length
        ? `Saves the message for IT about ${explanation.codes.map((c) => c.raw).join(', ')}.`
        : 'Saves the message for IT (no error code was found in the text).',
      changes: [`Creates ${path}`],
      keeps: ['Nothing else is touched; the pasted text itself is not stored.'],
      steps: [{ kind: 'fs.create-file', description: `Write ${path}`, data: { path, content: `${explanation.itMessage}\n`, encoding: 'utf8' } }],
      needsAdmin: false,
      needsClosed: [],
      undoable: true,
      undoDescription: 'Undo deletes the note (only if you have not edited it).',
      warnings: [],
    };
  },
  async verify(ctx, _options, record) {
    const step = record.steps[0];
    const path = typeof step?.data.path === 'string' ? step.data.path : notePath(ctx.stateDir, record.runId);
    try {
      const content = await readFile(path, 'utf8');
      return { ok: content === step?.data.content, message: `Note saved at ${path}`, findings: [] };
    } catch {
      return { ok: false, message: `The note is missing at ${path}`, findings: [] };
    }
  },
};
