// The ready-to-send message for IT. Built only from catalog text and extracted, validated fields:
// the pasted text itself never goes in (it can hold tokens).
import type { Explanation } from '../../../shared/contract/explain';
import { isConditionalAccessCode } from '../../../shared/knowledge/catalog';
import { codeLabel, firstSentence } from './headline';
import { looksLikeSecret } from './secret-filter';

export const CA_LOOKUP_LINE =
  'Please look up this sign-in in Entra admin center > Sign-in logs by Correlation ID or Request ID and check the Conditional Access tab';

const FIELD_LINES: [keyof Explanation['fields'], string][] = [
  ['correlationId', 'Correlation ID'],
  ['requestId', 'Request ID'],
  ['traceId', 'Trace ID'],
  ['timestamp', 'Timestamp (UTC)'],
  ['appName', 'App name'],
  ['appId', 'App ID'],
  ['ipAddress', 'IP address'],
  ['deviceId', 'Device identifier'],
  ['devicePlatform', 'Device platform'],
  ['deviceState', 'Device state'],
];

const MAX_LISTED_CODES = 20;

export function buildItMessage(ex: Omit<Explanation, 'itMessage'>): string {
  const lines: string[] = ['Hello,', ''];
  lines.push(ex.codes.length ? `I could not sign in. ${ex.headline}` : 'I could not sign in, and the message I got showed no error code.', '');

  if (ex.codes.length) {
    lines.push(ex.codes.length === 1 ? 'Error code:' : 'Error codes:');
    for (const c of ex.codes.slice(0, MAX_LISTED_CODES)) {
      const meaning = c.entry ? firstSentence(c.entry.meaning) : 'not in Sign-in Doctor\'s catalog';
      lines.push(`- ${codeLabel(c)}: ${meaning}`);
    }
    if (ex.codes.length > MAX_LISTED_CODES) lines.push(`- and ${ex.codes.length - MAX_LISTED_CODES} more`);
    lines.push('');
  }

  const present = FIELD_LINES.filter(([k]) => {
    const v = ex.fields[k];
    return v !== undefined && !looksLikeSecret(v);
  });
  if (present.length) {
    lines.push('Details:');
    for (const [k, label] of present) lines.push(`${label}: ${ex.fields[k] ?? ''}`);
    lines.push('');
  }
  const { error, suberror } = ex.fields;
  if (error && /^[A-Za-z_]{1,64}$/.test(error)) {
    lines.push(`OAuth error: ${error}${suberror && /^[A-Za-z_]{1,64}$/.test(suberror) ? ` (suberror: ${suberror})` : ''}`, '');
  }

  if (ex.codes.some((c) => isConditionalAccessCode(c.family, c.code))) {
    lines.push(`${CA_LOOKUP_LINE}.`);
    lines.push('Sign-in logs are kept 7 days (Entra ID Free) or 30 days (P1/P2), so please look soon.', '');
  } else if (ex.fields.correlationId ?? ex.fields.requestId ?? ex.fields.traceId) {
    lines.push('You can find this sign-in in Entra admin center > Sign-in logs by Correlation ID or Request ID.', '');
  }

  const missing = FIELD_LINES.filter(([k]) => ex.fields[k] === undefined).map(([, label]) => label);
  if (missing.length) lines.push(`Not found in the text I had: ${missing.join(', ')}.`, '');
  lines.push('Thank you.');
  return lines.join('\n');
}
