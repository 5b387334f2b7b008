import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../../src/main/engine/journal';
import { JournalSealError, SEAL_KEY_FILE, loadSealKey, openSealed, sealRecord } from '../../../../src/main/engine/journal-seal';
import { tempDir } from '../../../support/browser';
import { forgedRecord, plantRecord } from '../../../support/journal-forge';

const RUN = '20261120T060000Z-abcdef';
const record = () => forgedRecord({ runId: RUN, fixId: 'explain.save-note', status: 'applied', steps: [] });

describe('journal seal', () => {
  it('opens what it sealed, and refuses an unsealed text, an edited body, a forged MAC or another key', async () => {
    const key = await loadSealKey(tempDir('seal'));
    const body = JSON.stringify(record());
    expect(openSealed(key, sealRecord(key, body))).toBe(body);
    expect(() => openSealed(key, body)).toThrow(/no integrity seal/);
    const sealed = sealRecord(key, body);
    expect(() => openSealed(key, sealed.replace('"applied"', '"applying"'))).toThrow(/fails its integrity seal/);
    expect(() => openSealed(key, sealed.replace(/:[0-9a-f]{64}/, `:${'0'.repeat(64)}`))).toThrow(JournalSealError);
    expect(() => openSealed(key, sealed.replace(/:[0-9a-f]{64}/, ':xyz'))).toThrow(JournalSealError);
    const other = await loadSealKey(tempDir('seal-other'));
    expect(() => openSealed(other, sealed)).toThrow(/fails its integrity seal/);
  });

  it('creates one owner-only key per install; concurrent first uses agree on it', async () => {
    const dir = tempDir('seal-key');
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadSealKey(dir)));
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    expect((await stat(join(dir, SEAL_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, SEAL_KEY_FILE))).toEqual(keys[0]);
  });

  it('refuses a key others can read, and a damaged key', async () => {
    const dir = tempDir('seal-perm');
    await loadSealKey(dir);
    await chmod(join(dir, SEAL_KEY_FILE), 0o644);
    await expect(loadSealKey(dir)).rejects.toThrow(/can be read or written by other users/);
    const dir2 = tempDir('seal-short');
    await writeFile(join(dir2, SEAL_KEY_FILE), 'short', { mode: 0o600 });
    await expect(loadSealKey(dir2)).rejects.toThrow(/damaged/);
  });
});

describe('journal with seals', () => {
  it('lists only sealed records under their own name; unsealed, edited and renamed ones are reported, not used', async () => {
    const state = tempDir('journal-seal');
    const journal = new Journal(state);
    await journal.write(record());
    await plantRecord(state, forgedRecord({ runId: '20261120T070000Z-bbbbbb', fixId: 'explain.save-note', status: 'applied', steps: [] }), 'unsealed');
    const edited = await plantRecord(state, forgedRecord({ runId: '20261120T080000Z-cccccc', fixId: 'explain.save-note', status: 'applied', steps: [] }), 'sealed');
    await writeFile(edited, (await readFile(edited, 'utf8')).replace('"applied"', '"applying"'));
    // A sealed record copied under another run's file name.
    await writeFile(join(journal.dir, '20261120T090000Z-dddddd.json'), await readFile(join(journal.dir, `${RUN}.json`)));
    const { records, problems } = await journal.list();
    expect(records.map((r) => r.runId)).toEqual([RUN]);
    expect(Object.fromEntries(problems.map((p) => [p.file, p.message]))).toEqual({
      '20261120T070000Z-bbbbbb.json': expect.stringMatching(/no integrity seal/),
      '20261120T080000Z-cccccc.json': expect.stringMatching(/fails its integrity seal/),
      '20261120T090000Z-dddddd.json': expect.stringMatching(/holds run 20261120T060000Z-abcdef/),
    });
    await expect(journal.read('20261120T080000Z-cccccc')).rejects.toThrow(/fails its integrity seal/);
  });
});
