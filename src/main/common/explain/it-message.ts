// The ready-to-send message for IT. Built only from catalog text and extracted, validated fields:
// the pasted text itself never goes in (it can hold tokens).
import type { ExplainedError, Explanation, TroubleshootingFields } from '../../../shared/contract/explain';
import { isConditionalAccessCode } from '../../../shared/knowledge/catalog';
import { FIELD_LABELS } from '../../../shared/knowledge/field-labels';
import { codeLabel, firstSentence } from './headline';
import { looksLikeSecret } from './secret-filter';

export const CA_LOOKUP_LINE =
  'Please look up this sign-in in Entra admin center > Sign-in logs by Correlation ID or Request ID and check the Conditional Access tab';

// What IT needs to find the sign-in (the OAuth error words say nothing the codes do not).
const IT_FIELDS: (keyof Explanation['fields'])[] = ['correlationId', 'requestId', 'traceId', 'timestamp', 'appName', 'appId', 'ipAddress', 'deviceId', 'devicePlatform', 'deviceState', 'supportTag'];
const FIELD_LINES: [keyof Explanation['fields'], string][] = IT_FIELDS.map((k) => [k, FIELD_LABELS[k]]);

const MAX_LISTED_CODES = 20;

/** What buildItMessage reads; errors may be missing in explanations made by older code. */
export type ItMessageInput = Omit<Explanation, 'itMessage' | 'errors'> & { errors?: ExplainedError[] };

// A GUID has a shape no token fits (a mixed-case one would otherwise look like an opaque run).
const GUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const presentFields = (fields: TroubleshootingFields) =>
  FIELD_LINES.filter(([k]) => {
    const v = fields[k];
    return v !== undefined && (GUID_SHAPE.test(v) || !looksLikeSecret(v));
  });

function codeLines(codes: ExplainedError['codes']): string[] {
  const lines = codes.slice(0, MAX_LISTED_CODES).map((c) => `- ${codeLabel(c)}: ${c.entry ? firstSentence(c.entry.meaning) : 'not in Sign-in Doctor\'s catalog'}`);
  if (codes.length > MAX_LISTED_CODES) lines.push(`- and ${codes.length - MAX_LISTED_CODES} more`);
  return lines;
}

function oauthLine(fields: TroubleshootingFields): string | undefined {
  const { error, suberror } = fields;
  if (!error || !/^[A-Za-z_]{1,64}$/.test(error)) return undefined;
  return `OAuth error: ${error}${suberror && /^[A-Za-z_]{1,64}$/.test(suberror) ? ` (suberror: ${suberror})` : ''}`;
}

/** Several errors: each with its own codes and IDs, newest first, so IT looks each one up on its own. */
function errorBlocks(errors: readonly ExplainedError[]): string[] {
  const lines: string[] = [`The text had ${errors.length} errors; here they are newest first, each with its own IDs.`, ''];
  errors.forEach((e, i) => {
    const when = e.fields.timestamp ? ` (${e.fields.timestamp})` : '';
    lines.push(`Error ${i + 1}${i === 0 ? ', the newest' : ''}${when}:`);
    lines.push(...codeLines(e.codes));
    for (const [k, label] of presentFields(e.fields)) lines.push(`  ${label}: ${e.fields[k] ?? ''}`);
    const oauth = oauthLine(e.fields);
    if (oauth) lines.push(`  ${oauth}`);
    lines.push('');
  });
  return lines;
}

export function buildItMessage(ex: ItMessageInput): string {
  const lines: string[] = ['Hello,', ''];
  lines.push(ex.codes.length ? `I could not sign in. ${ex.headline}` : 'I could not sign in, and the message I got showed no error code.', '');
  const errors = ex.errors ?? [];
  const many = errors.length > 1;

  if (many) {
    lines.push(...errorBlocks(errors));
  } else {
    if (ex.codes.length) lines.push(ex.codes.length === 1 ? 'Error code:' : 'Error codes:', ...codeLines(ex.codes), '');
    const present = presentFields(ex.fields);
    if (present.length) {
      lines.push('Details:');
      for (const [k, label] of present) lines.push(`${label}: ${ex.fields[k] ?? ''}`);
      lines.push('');
    }
    const oauth = oauthLine(ex.fields);
    if (oauth) lines.push(oauth, '');
  }

  const all = many ? errors : [{ codes: ex.codes, fields: ex.fields }];
  if (all.some((e) => e.codes.some((c) => isConditionalAccessCode(c.family, c.code)))) {
    lines.push(`${CA_LOOKUP_LINE}.`);
    lines.push('Sign-in logs are kept 7 days (Entra ID Free) or 30 days (P1/P2), so please look soon.', '');
  } else if (all.some((e) => e.fields.correlationId ?? e.fields.requestId ?? e.fields.traceId)) {
    lines.push('You can find this sign-in in Entra admin center > Sign-in logs by Correlation ID or Request ID.', '');
  }
  if (all.some((e) => e.fields.supportTag)) {
    lines.push('The support tag is for Microsoft support: quote it if you open a case with them.', '');
  }

  // The support tag is only shown by Office and Teams dialogs: its absence is not worth a line.
  const missing = FIELD_LINES.filter(([k]) => k !== 'supportTag' && all.every((e) => e.fields[k] === undefined)).map(([, label]) => label);
  if (missing.length) lines.push(`Not found in the text I had: ${missing.join(', ')}.`, '');
  lines.push('Thank you.');
  return lines.join('\n');
}
