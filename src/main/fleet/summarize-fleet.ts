// `fleet summarize`: walks the PATHs and reads one file at a time into the collector. A broken,
// foreign or unreadable file is counted and skipped; nothing about one file stops the others.
import { readMachineFile, MAX_FILE_BYTES } from './read-input';
import { readDocument } from './read-document';
import { FleetCollector } from './fleet-collector';
import { walkInputs, MAX_WALK_DEPTH } from './walk-inputs';

export interface SummarizeOptions {
  maxFileBytes?: number;
  maxDepth?: number;
}

export async function collectFleet(paths: readonly string[], options: SummarizeOptions = {}): Promise<FleetCollector> {
  const collector = new FleetCollector();
  for await (const item of walkInputs(paths, options.maxDepth ?? MAX_WALK_DEPTH)) {
    if (item.kind === 'ignored') {
      collector.ignore();
      continue;
    }
    if (item.kind === 'skip') {
      collector.skip(item.reason, item.display);
      continue;
    }
    const read = await readMachineFile(item.path, item, options.maxFileBytes ?? MAX_FILE_BYTES);
    if (!read.ok) {
      collector.skip(read.reason, item.display);
      continue;
    }
    const doc = readDocument(read.value);
    if (!doc.ok) collector.skip(doc.reason, item.display);
    else collector.add(doc.facts, { path: item.path, display: item.display, mtimeMs: read.mtimeMs });
  }
  return collector;
}
