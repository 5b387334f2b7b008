// `fleet summarize`: walks the PATHs and reads the files into the collector in walk order. A few
// reads are in flight at once (the disk and the thread pool wait less); files read ahead are held
// as text and parsed one at a time where they settle, each dropped once its record is taken, so at
// most READ_AHEAD + 1 texts (each under the per-file cap) and one parsed tree are in memory. A broken,
// foreign or unreadable file is counted and skipped; nothing about one file stops the others.
import { readMachineFile, parseMachineText, MAX_FILE_BYTES, type ReadResult } from './read-input';
import { readDocument } from './read-document';
import { FleetCollector } from './fleet-collector';
import { walkInputs, MAX_WALK_DEPTH, type WalkItem } from './walk-inputs';

/** Files read ahead of the one being summarized (each at most the per-file cap). */
export const READ_AHEAD = 4;

export interface SummarizeOptions {
  maxFileBytes?: number;
  maxDepth?: number;
  /** The run's time: a document dated later than a day after it is not trusted (default: now). */
  now?: Date;
}

type FileItem = Extract<WalkItem, { kind: 'file' }>;

export async function collectFleet(paths: readonly string[], options: SummarizeOptions = {}): Promise<FleetCollector> {
  const collector = new FleetCollector(options.now);
  // Only reads wait here: skipped and ignored entries are counted as the walk meets them.
  const reads: Array<{ item: FileItem; read: Promise<ReadResult> }> = [];
  const settle = async ({ item, read }: (typeof reads)[number]) => {
    const file = await read;
    if (!file.ok) return collector.skip(file.reason, item.display);
    const parsed = parseMachineText(file.text);
    if (!parsed.ok) return collector.skip(parsed.reason, item.display);
    const doc = readDocument(parsed.value);
    if (!doc.ok) collector.skip(doc.reason, item.display);
    else collector.add(doc.facts, { path: item.path, display: item.display, mtimeMs: file.mtimeMs });
  };
  for await (const item of walkInputs(paths, options.maxDepth ?? MAX_WALK_DEPTH)) {
    if (item.kind === 'ignored') collector.ignore();
    else if (item.kind === 'skip') collector.skip(item.reason, item.display);
    else {
      reads.push({ item, read: readMachineFile(item.path, item, options.maxFileBytes ?? MAX_FILE_BYTES) });
      if (reads.length > READ_AHEAD) await settle(reads.shift()!);
    }
  }
  while (reads.length) await settle(reads.shift()!);
  return collector;
}
