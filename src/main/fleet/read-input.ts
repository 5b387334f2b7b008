// Reads one collected file's text: a plain file (UTF-8, or UTF-16 as Windows PowerShell 5.1's `>`
// writes it) or a support bundle zip (its report.json). Nothing larger than the cap is read, a file
// is opened without blocking (a pipe swapped in after the walk cannot hang us) and must still be the
// regular file the walk saw. Parsing is a separate step (parseMachineText), so files read ahead
// are held as text, never as parsed trees, and only one file at a time is parsed.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FleetSkipReason } from '../../shared/contract/fleet';
import { looksBinary } from '../common/cli-input';
import { isZip, readZipEntry } from './zip-entry';

/** A machine's document is tens of KB; a support bundle a few hundred. More is not one of ours. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Our documents nest a few levels (evidence inside findings); deeper is not one of ours. */
export const MAX_JSON_DEPTH = 64;

export type ReadResult = { ok: true; text: string; mtimeMs: number; fromZip: boolean } | { ok: false; reason: FleetSkipReason };
export type ParseResult = { ok: true; value: unknown } | { ok: false; reason: FleetSkipReason };

const isReportJson = (name: string) => name === 'report.json' || name.endsWith('/report.json');

function decodeText(buf: Buffer): string | undefined {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const body = buf.subarray(start);
  // A NUL anywhere, or a start that is mostly control bytes, is not text (JSON.parse refuses the
  // other control bytes anyway: scanning all of a large file in JS is not needed).
  return body.includes(0) || looksBinary(body.subarray(0, 4096)) ? undefined : body.toString('utf8');
}

export async function readMachineFile(path: string, seen?: { dev: number; ino: number }, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, reason: 'special-file' };
    if (seen && (info.dev !== seen.dev || info.ino !== seen.ino)) return { ok: false, reason: 'unreadable' };
    if (info.size > maxBytes) return { ok: false, reason: 'too-large' };
    // One byte more than the cap tells a file that grew since stat from one that fits.
    const buf = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buf.length) {
      const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { ok: false, reason: 'too-large' };
    let data: Buffer = buf.subarray(0, length);
    let fromZip = false;
    if (isZip(data)) {
      const entry = readZipEntry(data, isReportJson, maxBytes);
      if (!entry.ok) return { ok: false, reason: 'bad-zip' };
      data = entry.data;
      fromZip = true;
    }
    const text = decodeText(data);
    if (text === undefined) return { ok: false, reason: 'binary' };
    return { ok: true, text, mtimeMs: info.mtimeMs, fromZip };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    await handle.close();
  }
}

/**
 * Refused before JSON.parse builds the tree: nesting deeper than MAX_JSON_DEPTH (broken: none of
 * ours nests like that) and more than MAX_JSON_CONTAINERS objects and arrays (each costs far more
 * memory parsed than its two bytes of text: a 4 MB file of `{}` is over 100 MB as a tree).
 */
export const MAX_JSON_CONTAINERS = 100_000;

/** Brackets outside strings, in one linear pass far cheaper than the tree JSON.parse would build. */
export function jsonShapeProblem(text: string, maxDepth = MAX_JSON_DEPTH, maxContainers = MAX_JSON_CONTAINERS): 'too-deep' | 'too-many' | undefined {
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return 'too-deep';
      if (++containers > maxContainers) return 'too-many';
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** The file's JSON, once its shape is known not to cost more than a machine file can. */
export function parseMachineText(text: string): ParseResult {
  const problem = jsonShapeProblem(text);
  if (problem) return { ok: false, reason: problem === 'too-deep' ? 'broken-json' : 'too-large' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'broken-json' };
  }
}
