// The troubleshooting fields (Correlation ID, Request ID, Trace ID, timestamp, app, IP, device) next
// to their labels, in any of the layouts we meet: "Label: value" on one line or several fields on a
// line (az CLI, PowerShell), "Label\nvalue" (error page), JSON keys ("trace_id": "..."), and labels
// broken across lines ("Correlation\nID:"). Only labelled GUIDs count: a text full of GUIDs without
// labels yields no IDs.
import type { TroubleshootingFields } from '../../../shared/contract/explain';
import { normalizeTimestamp } from './normalize-timestamp';
import { looksLikeSecret } from './secret-filter';

type FieldKey = Exclude<keyof TroubleshootingFields, 'error' | 'suberror' | 'errorUri'>;

const SEP = '\\s{0,3}[-_]?\\s{0,3}';
const ID = '[iIl1][dD]';
// Order matters: "client request id" must be consumed before "request id" can match inside it.
const LABELS: [FieldKey | 'ignore', string][] = [
  ['ignore', `client${SEP}request${SEP}${ID}`],
  ['correlationId', `correlation${SEP}${ID}`],
  ['requestId', `request${SEP}${ID}`],
  ['traceId', `trace${SEP}${ID}`],
  ['timestamp', `time${SEP}stamp`],
  ['appName', `app(?:lication)?${SEP}(?:display${SEP})?name`],
  ['appId', `(?:app(?:lication)?|client)${SEP}${ID}`],
  ['ipAddress', `(?:client${SEP})?ip${SEP}address`],
  ['devicePlatform', `device${SEP}platform`],
  ['deviceState', `device${SEP}state`],
  ['deviceId', `device${SEP}(?:identifier|${ID})`],
];
const LABEL_RE = new RegExp(`(?<![\\w-])(?:${LABELS.map(([, re]) => `(${re})`).join('|')})(?![\\w])`, 'gi');

const GUID = /\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.])/;
const IPV6 = /^(?=[0-9a-fA-F:]{2,45}(?![0-9a-fA-F:]))[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}/;
// What sits between a label and its value: `: `, `": "`, ` = `, `(UTC): `.
const LEAD = /^[ \t]{0,8}(?:\([^)\n]{0,12}\))?[ \t]{0,4}["']?[ \t]{0,4}[:=]?[ \t]{0,4}["']?[ \t]{0,4}/;
const NEXT_LINE = /^(?:[ \t]{0,8}\n){1,3}[ \t]{0,8}/;
const WINDOW = 300;

interface Label {
  key: FieldKey | 'ignore';
  start: number;
  end: number;
}

function labelsIn(text: string): Label[] {
  const out: Label[] = [];
  for (const m of text.matchAll(LABEL_RE)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const def = LABELS[group - 1];
    if (def) out.push({ key: def[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The text a label's value can come from: after the separator, up to the next label. */
function valueWindow(text: string, label: Label, nextStart: number): string {
  let w = text.slice(label.end, Math.min(nextStart, label.end + WINDOW));
  w = w.slice(LEAD.exec(w)?.[0].length ?? 0);
  const down = NEXT_LINE.exec(w);
  return down ? w.slice(down[0].length) : w;
}

function firstLine(w: string, max: number): string {
  const cut = w.search(/[\n"]/);
  return (cut < 0 ? w : w.slice(0, cut)).trim().replace(/[,;.]+$/, '').slice(0, max).trim();
}

function guidIn(w: string): string | undefined {
  const head = w.slice(0, 80);
  const direct = GUID.exec(head);
  if (direct?.[1]) return direct[1];
  // OCR or wrapping can put a line break or spaces inside the GUID.
  return GUID.exec(head.replace(/\s+/g, ''))?.[1];
}

export interface FoundFields {
  fields: TroubleshootingFields;
  /** The timestamp was found but could not be read as a date; kept as written. */
  timestampUnparsed: boolean;
}

export function findFields(text: string): FoundFields {
  const fields: TroubleshootingFields = {};
  let rawTimestamp: string | undefined;
  const labels = labelsIn(text);
  labels.forEach((label, i) => {
    if (label.key === 'ignore') return;
    const key: FieldKey = label.key;
    if (fields[key] !== undefined) return;
    const w = valueWindow(text, label, labels[i + 1]?.start ?? text.length);
    let value: string | undefined;
    switch (key) {
      case 'correlationId':
      case 'requestId':
      case 'traceId':
      case 'appId':
        value = guidIn(w);
        break;
      case 'timestamp': {
        const line = firstLine(w, 64);
        value = normalizeTimestamp(line);
        if (!value && !rawTimestamp && /\d/.test(line) && line.length <= 40) rawTimestamp = line;
        break;
      }
      case 'ipAddress': {
        const line = firstLine(w, 64);
        value = IPV4.exec(line)?.[0] ?? IPV6.exec(line)?.[0];
        break;
      }
      case 'deviceId': {
        const line = firstLine(w, 100);
        value = GUID.exec(line)?.[1] ?? (line || undefined);
        break;
      }
      default: {
        const line = firstLine(w, key === 'appName' ? 100 : 60);
        value = line || undefined;
      }
    }
    if (value !== undefined && !looksLikeSecret(value)) fields[key] = value;
  });
  const timestampUnparsed = fields.timestamp === undefined && rawTimestamp !== undefined;
  if (timestampUnparsed) fields.timestamp = rawTimestamp;

  const error = /"error"[ \t\n]{0,8}:[ \t\n]{0,8}"([A-Za-z_]{1,64})"/.exec(text)?.[1];
  const suberror = /"suberror"[ \t\n]{0,8}:[ \t\n]{0,8}"([A-Za-z_]{1,64})"/.exec(text)?.[1];
  const errorUri = /"error_uri"[ \t\n]{0,8}:[ \t\n]{0,8}"(https?:\/\/[^"\s]{1,300})"/.exec(text)?.[1];
  if (error) fields.error = error;
  if (suberror) fields.suberror = suberror;
  if (errorUri && !looksLikeSecret(errorUri)) fields.errorUri = errorUri;
  return { fields, timestampUnparsed };
}
