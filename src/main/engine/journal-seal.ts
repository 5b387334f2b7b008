// Journal records are sealed with an HMAC under a per-install key kept in the state folder
// (owner-only). A record that anyone or anything else wrote, or edited, fails the seal and is
// never acted on: the journal decides which files a repair touches, so it is hostile input.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { link, lstat, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const SEAL_KEY_FILE = 'journal.key';
const HEADER = 'signin-doctor journal 2 hmac-sha256:';
const KEY_BYTES = 32;

export class JournalSealError extends Error {
  override name = 'JournalSealError';
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body, 'utf8').digest('hex');
}

/** The sealed file text: one header line with the MAC, then the record's JSON exactly as sealed. */
export function sealRecord(key: Buffer, body: string): string {
  return `${HEADER}${mac(key, body)}\n${body}`;
}

/** The record's JSON, if the seal holds; throws JournalSealError otherwise. */
export function openSealed(key: Buffer, text: string): string {
  const newline = text.indexOf('\n');
  const header = newline < 0 ? text : text.slice(0, newline);
  if (!header.startsWith(HEADER)) throw new JournalSealError('the record has no integrity seal (written by an older version, or not by Sign-in Doctor)');
  const given = header.slice(HEADER.length);
  const body = text.slice(newline + 1);
  const expected = mac(key, body);
  if (!/^[0-9a-f]{64}$/.test(given) || !timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'))) {
    throw new JournalSealError('the record fails its integrity seal (it was changed outside Sign-in Doctor)');
  }
  return body;
}

async function readKey(path: string): Promise<Buffer> {
  const info = await lstat(path);
  if (!info.isFile()) throw new JournalSealError(`the journal key ${path} is not a file`);
  if (typeof process.getuid === 'function' && info.uid !== process.getuid()) throw new JournalSealError(`the journal key ${path} belongs to another user; the journal cannot be trusted`);
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new JournalSealError(`the journal key ${path} can be read or written by other users; the journal cannot be trusted. Remove the state folder's journal and key, or run: chmod 600 '${path}'`);
  }
  const key = await readFile(path);
  if (key.length !== KEY_BYTES) throw new JournalSealError(`the journal key ${path} is damaged`);
  return key;
}

/**
 * The install's key, created on first use. Creation links a finished temp file into place, so two
 * processes starting at once agree on one key (link never replaces an existing file).
 */
export async function loadSealKey(stateDir: string): Promise<Buffer> {
  const path = join(stateDir, SEAL_KEY_FILE);
  try {
    return await readKey(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const tmp = join(stateDir, `.${SEAL_KEY_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(randomBytes(KEY_BYTES));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(tmp, { force: true });
  }
  return readKey(path);
}
