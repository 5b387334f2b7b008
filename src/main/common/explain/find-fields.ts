// The troubleshooting fields (Correlation ID, Request ID, Trace ID, timestamp, app, IP, device) next
// to their labels, in any of the layouts we meet: "Label: value" on one line or several fields on a
// line (az CLI, PowerShell), "Label\nvalue" (error page), JSON keys ("trace_id": "..."), and labels
// broken across lines ("Correlation\nID:"). Only labelled GUIDs count: a text full of GUIDs without
// labels yields no IDs. Labels are also read in the main European languages of Microsoft's error
// page (Korrelations-ID, ID de corrélation…) and as classic Teams' ADAL telemetry keys
// (Microsoft_ADAL_correlationId); GUIDs without hyphens or in braces come out hyphenated.
import type { TroubleshootingFields } from '../../../shared/contract/explain';
import { normalizeTimestamp } from './normalize-timestamp';
import { looksLikeSecret } from './secret-filter';

type FieldKey = Exclude<keyof TroubleshootingFields, 'error' | 'suberror' | 'errorUri'>;
export type AnyFieldKey = keyof TroubleshootingFields;

const SEP = '\\s{0,3}[-_]?\\s{0,3}';
const SP = '\\s{1,3}';
const ID = '[iIl1][dD]';
// Order matters: "client request id" must be consumed before "request id" can match inside it.
const LABELS: [FieldKey | 'ignore', string][] = [
  ['ignore', `client${SEP}request${SEP}${ID}`],
  ['correlationId', `correlation${SEP}${ID}`],
  ['requestId', `request${SEP}${ID}`],
  ['traceId', `trace${SEP}${ID}`],
  ['timestamp', `time${SEP}stamp`],
  // Office / Teams "Tag: 7q6ca" (and ADAL's api_error_tag): a support pointer, not an error code.
  ['supportTag', `(?:error${SEP})?tag`],
  ['appName', `app(?:lication)?${SEP}(?:display${SEP})?name`],
  ['appId', `(?:app(?:lication)?|client)${SEP}${ID}`],
  ['ipAddress', `(?:client${SEP})?ip${SEP}address`],
  ['devicePlatform', `device${SEP}platform`],
  ['deviceState', `device${SEP}state`],
  ['deviceId', `device${SEP}(?:identifier|${ID})`],
];
// The same IDs as Microsoft's error page writes them in the main European languages.
const LOCALIZED: [FieldKey, string[]][] = [
  [
    'correlationId',
    [
      `korrelations${SEP}${ID}`,
      `korrelasjons${SEP}${ID}`,
      `correlatie${SEP}${ID}`,
      `${ID}${SP}de${SP}corr[ée]lation`,
      `${ID}${SP}di${SP}correlazione`,
      `${ID}${SP}de${SP}correlaci[oó]n`,
      `${ID}${SP}de${SP}correla[cç][aã]o`,
      `identyfikator${SP}korelacji`,
      'korrelaatiotunnus',
    ],
  ],
  [
    'requestId',
    [
      `anforderungs${SEP}${ID}`,
      `aanvraag${SEP}${ID}`,
      `beg[äa]ran${SEP}${ID}`,
      `foresp[øo]rsels${SEP}${ID}`,
      `${ID}${SP}de${SP}(?:la${SP})?demande`,
      `${ID}${SP}(?:della${SP})?richiesta`,
      `${ID}${SP}de${SP}(?:la${SP})?solicitud`,
      `${ID}${SP}d[ao]${SP}(?:solicita[cç][aã]o|pedido)`,
      `identyfikator${SP}[żz][aą]dania`,
      'pyynn[öo]n\\s?tunnus',
    ],
  ],
  ['traceId', [`ablaufverfolgungs${SEP}${ID}`, `${ID}${SP}de${SP}suivi`, `${ID}${SP}de${SP}seguimiento`, `${ID}${SP}(?:di${SP})?traccia(?:mento)?`]],
  [
    'timestamp',
    [
      'zeitstempel',
      'horodatage',
      `marca${SP}de${SP}tiempo`,
      `marca${SP}temporale`,
      `data${SP}e${SP}ora`,
      'tijdstempel',
      `carimbo${SP}de${SP}data/hora`,
      `sygnatura${SP}czasowa`,
      'tidsst[äa]mpel',
      'tidsstempel',
      'aikaleima',
    ],
  ],
];
const labelRe = (defs: readonly [string, string][]) => new RegExp(`(?<![\\w-])(?:${defs.map(([, re]) => `(${re})`).join('|')})(?![\\w])`, 'gi');
type LabelDefs = readonly [FieldKey | 'ignore', string][];
const CORE: { defs: LabelDefs; re: RegExp } = { defs: LABELS, re: labelRe(LABELS) };
// Classic Teams writes ADAL telemetry as Microsoft_ADAL_<key> (a literal prefix: its own fast scan).
const ADAL_DEFS: LabelDefs = [
  ['correlationId', `correlation_?${ID}`],
  ['supportTag', 'error_tag'],
];
const ADAL: { defs: LabelDefs; re: RegExp } = { defs: ADAL_DEFS, re: new RegExp(`microsoft_adal_(?:api_)?(?:${ADAL_DEFS.map(([, re]) => `(${re})`).join('|')})(?![\\w])`, 'gi') };
const LOCAL_DEFS: LabelDefs = LOCALIZED.flatMap(([key, res]) => res.map((re): [FieldKey, string] => [key, re]));
const LOCAL: { defs: LabelDefs; re: RegExp } = { defs: LOCAL_DEFS, re: labelRe(LOCAL_DEFS) };
// The long localized alternation only runs when a word of it is in the text (most pastes are English).
// (English "correlation" must not trigger it: "correlatie", "correlazione", "correlación", "correlação" do.)
const LOCAL_HINT = /korrel|correla(?:tie|z|ci|ç)|corrélation|\bid\s{1,3}(?:d[eiao]|della|richiesta)\s|anforderung|aanvraag|beg[äa]ran|foresp|identyfikator|pyynn|ablaufverfolg|zeitstempel|horodatage|marca\s|data\s{1,3}e\s{1,3}ora|tijdstempel|carimbo|sygnatura|tidsst|aikaleima/i;

// Hyphenated, or 32 hex digits in a row (braces are left around either).
const GUID = /(?<![0-9a-fA-F-])([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})(?![0-9a-fA-F-])/;
// A tag has a digit ("7q6ca", "4usqa"): an English word after "tag" is not one.
const TAG = /^(?=[A-Za-z]{0,5}\d)([0-9A-Za-z]{4,6})(?![\w.-])/;
// "Tag: 7q6ca", "tag=7q6ca", "\"error_tag\": \"…\"", or in parentheses "(Tag 4usqa)"; prose such as
// "Please tag admin" has neither.
const TAG_SEPARATOR = /^[ \t]{0,8}["']?[ \t]{0,4}[:=]/;
const TAG_IN_PARENS = /^[ \t]{1,4}[0-9A-Za-z]{4,6}\)/;

function tagIsLabelled(text: string, label: Label): boolean {
  const after = text.slice(label.end, label.end + 16);
  return TAG_SEPARATOR.test(after) || (text[label.start - 1] === '(' && TAG_IN_PARENS.test(after));
}
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

function labelsWith(text: string, table: { defs: LabelDefs; re: RegExp }, out: Label[]): void {
  for (const m of text.matchAll(table.re)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    const def = table.defs[group - 1];
    if (def) out.push({ key: def[0], start: m.index, end: m.index + m[0].length });
  }
}

function labelsIn(text: string): Label[] {
  const out: Label[] = [];
  labelsWith(text, CORE, out);
  labelsWith(text, ADAL, out);
  // A page with English ID labels is the English page: the localized labels are not looked for.
  const englishIds = out.some((l) => l.key === 'correlationId' || l.key === 'requestId' || l.key === 'traceId');
  if (!englishIds && LOCAL_HINT.test(text)) {
    labelsWith(text, LOCAL, out);
  }
  return out.sort((a, b) => a.start - b.start);
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

/** The hyphenated form of a GUID written with or without hyphens. */
export function hyphenateGuid(g: string): string {
  return g.includes('-') ? g : `${g.slice(0, 8)}-${g.slice(8, 12)}-${g.slice(12, 16)}-${g.slice(16, 20)}-${g.slice(20)}`;
}

function guidIn(w: string): string | undefined {
  const head = w.slice(0, 80);
  const direct = GUID.exec(head)?.[1];
  // OCR or wrapping can put a line break or spaces inside the GUID.
  const found = direct ?? GUID.exec(head.replace(/\s+/g, ''))?.[1];
  return found ? hyphenateGuid(found) : undefined;
}

export interface FoundFields {
  fields: TroubleshootingFields;
  /** The timestamp was found but could not be read as a date; kept as written. */
  timestampUnparsed: boolean;
}

/** One labelled value where it appeared. */
export interface FieldEvent {
  key: AnyFieldKey;
  value: string;
  index: number;
  /** A timestamp kept as written because it could not be read as a date. */
  unparsed?: boolean;
}

const JSON_FIELDS: [AnyFieldKey, RegExp][] = [
  ['error', /"error"[ \t\n]{0,8}:[ \t\n]{0,8}"([A-Za-z_]{1,64})"/g],
  ['suberror', /"suberror"[ \t\n]{0,8}:[ \t\n]{0,8}"([A-Za-z_]{1,64})"/g],
  ['errorUri', /"error_uri"[ \t\n]{0,8}:[ \t\n]{0,8}"(https?:\/\/[^"\s]{1,300})"/g],
];
const MAX_EVENTS = 5_000; // far beyond a real paste; bounds a hostile one

/**
 * A value read from the text, and whether it still needs the secret check: GUIDs, normalized
 * timestamps, IP addresses and tags have a shape no token fits, free text (an app name, a device
 * state, a timestamp kept as written) does not.
 */
interface LabelValue {
  value?: string;
  raw?: string;
  free?: boolean;
}

function labelValue(key: FieldKey, w: string): LabelValue {
  switch (key) {
    case 'correlationId':
    case 'requestId':
    case 'traceId':
    case 'appId':
      return { value: guidIn(w) };
    case 'timestamp': {
      const line = firstLine(w, 64);
      const value = normalizeTimestamp(line);
      return value ? { value } : /\d/.test(line) && line.length <= 40 ? { raw: line, free: true } : {};
    }
    case 'ipAddress': {
      const line = firstLine(w, 64);
      return { value: IPV4.exec(line)?.[0] ?? IPV6.exec(line)?.[0] };
    }
    case 'deviceId': {
      const line = firstLine(w, 100);
      const guid = GUID.exec(line)?.[1];
      return guid ? { value: hyphenateGuid(guid) } : { value: line || undefined, free: true };
    }
    case 'supportTag':
      return { value: TAG.exec(w.slice(0, 12))?.[1] };
    default: {
      const line = firstLine(w, key === 'appName' ? 100 : 60);
      return { value: line || undefined, free: true };
    }
  }
}

/** Every labelled value of the text in text order (a paste with several errors repeats labels). */
export function findFieldEvents(text: string): FieldEvent[] {
  const events: FieldEvent[] = [];
  // A log repeats the same app name or device state many times: check each value once.
  const checked = new Map<string, boolean>();
  const secret = (v: string): boolean => {
    let r = checked.get(v);
    if (r === undefined) checked.set(v, (r = looksLikeSecret(v)));
    return r;
  };
  const labels = labelsIn(text);
  // Logs repeat the same label and value many times: read each distinct window once.
  const read = new Map<string, LabelValue>();
  labels.forEach((label, i) => {
    if (label.key === 'ignore' || events.length >= MAX_EVENTS) return;
    if (label.key === 'supportTag' && !tagIsLabelled(text, label)) return;
    const key: FieldKey = label.key;
    // The value depends only on the text after the label up to the next label (at most WINDOW).
    const nextStart = labels[i + 1]?.start ?? text.length;
    const cacheKey = `${key}\u0000${Math.min(nextStart - label.end, WINDOW)}\u0000${text.slice(label.end, Math.min(nextStart, label.end + 200))}`;
    let lv = read.get(cacheKey);
    if (!lv) {
      if (read.size > 10_000) read.clear();
      read.set(cacheKey, (lv = labelValue(key, valueWindow(text, label, nextStart))));
    }
    const { value, raw, free } = lv;
    if (value !== undefined && !(free && secret(value))) events.push({ key, value, index: label.start });
    else if (raw !== undefined && !secret(raw)) events.push({ key, value: raw, index: label.start, unparsed: true });
  });
  for (const [key, re] of JSON_FIELDS) {
    for (const m of text.matchAll(re)) {
      if (events.length >= MAX_EVENTS) break;
      // error and suberror are [A-Za-z_] words; a URI is free text.
      if (m[1] && !(key === 'errorUri' && secret(m[1]))) events.push({ key, value: m[1], index: m.index });
    }
  }
  return events.sort((a, b) => a.index - b.index);
}

/** First value per key; a parsed timestamp wins over one kept as written. */
export function foldFields(events: readonly FieldEvent[]): FoundFields {
  const fields: TroubleshootingFields = {};
  let rawTimestamp: string | undefined;
  for (const e of events) {
    if (e.unparsed) {
      rawTimestamp ??= e.value;
      continue;
    }
    if (fields[e.key] === undefined) fields[e.key] = e.value;
  }
  const timestampUnparsed = fields.timestamp === undefined && rawTimestamp !== undefined;
  if (timestampUnparsed) fields.timestamp = rawTimestamp;
  return { fields, timestampUnparsed };
}

export function findFields(text: string): FoundFields {
  return foldFields(findFieldEvents(text));
}
