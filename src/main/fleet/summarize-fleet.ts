// `fleet summarize`: walks the PATHs and reads the files into the collector in walk order. A few
// reads are in flight at once (the disk and the thread pool wait less), each file is dropped once
// its record is taken, so at most READ_AHEAD files are in memory. A broken, foreign or unreadable
// file is counted and skipped; nothing about one file stops the others.
import { readMachineFile, MAX_FILE_BYTES, type ReadResult } from './read-input';
import { readDocument } from './read-document';
import { FleetCollector } from './fleet-collector';
import { walkInputs, MAX_WALK_DEPTH, type WalkItem } from './walk-inputs';

/** Files read ahead of the one being summarized (each at most the per-file cap). */
export const READ_AHEAD = 4;

export interface SummarizeOptions {
  maxFileBytes?: number;
  maxDepth?: number;
}

type Pending = { item: Exclude<WalkItem, { kind: 'file' }> } | { item: Extract<WalkItem, { kind: 'file' }>; read: Promise<ReadResult> };

export async function collectFleet(paths: readonly string[], options: SummarizeOptions = {}): Promise<FleetCollector> {
  const collector = new FleetCollector();
  const queue: Pending[] = [];
  const settle = async (p: Pending) => {
    if (p.item.kind === 'ignored') return collector.ignore();
    if (p.item.kind === 'skip') return collector.skip(p.item.reason, p.item.display);
    const read = await (p as Extract<Pending, { read: unknown }>).read;
    if (!read.ok) return collector.skip(read.reason, p.item.display);
    const doc = readDocument(read.value);
    if (!doc.ok) collector.skip(doc.reason, p.item.display);
    else collector.add(doc.facts, { path: p.item.path, display: p.item.display, mtimeMs: read.mtimeMs });
  };
  for await (const item of walkInputs(paths, options.maxDepth ?? MAX_WALK_DEPTH)) {
    queue.push(item.kind === 'file' ? { item, read: readMachineFile(item.path, item, options.maxFileBytes ?? MAX_FILE_BYTES) } : { item });
    if (queue.filter((p) => 'read' in p).length > READ_AHEAD) await settle(queue.shift()!);
  }
  while (queue.length) await settle(queue.shift()!);
  return collector;
}
