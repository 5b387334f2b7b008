// The explain command's text for a terminal: the headline, each code (what it means, who can fix it,
// what to do, Microsoft's page for AADSTS codes) and the IDs found; with several errors in one
// paste, each error (newest first) with its codes and its own IDs. Then the notes and the message
// for IT to copy.
import type { ExplainedError, Explanation, FoundCode, TroubleshootingFields } from '../../shared/contract/explain';
import { aadstsLookupUrl } from '../../shared/knowledge/aadsts/lookup-link';
import { displayCode, isWindowsErrorNumber } from '../../shared/knowledge/catalog';
import { FIELD_LABELS, FIELD_ORDER } from '../../shared/knowledge/field-labels';

const WHO: Record<string, string> = { both: 'you and IT', user: 'you', developer: "the app's developer", admin: 'your IT admin' };

/** One code's block, indented under its error when the paste holds several. */
function codeLines(code: FoundCode, indent: string): string[] {
  const page = code.family === 'aadsts' ? [`${indent}  Microsoft's page for this code: ${aadstsLookupUrl(code.code) ?? ''}`] : [];
  // A code written another way (decimal, no prefix) is also shown the usual way: -895352820 (0xCAA2000C).
  const usual = displayCode(code.family, code.code);
  // An AADSTS number found without its prefix (after "Error code:") is shown with it: AADSTS50058.
  const shown = code.family === 'aadsts' ? (/^\d+$/.test(code.raw) ? usual : code.raw) : code.raw.toUpperCase() !== usual.toUpperCase() ? `${code.raw} (${usual})` : code.raw;
  if (!code.known || !code.entry) return [`${indent}${shown}: unknown code (not in our catalog; we do not guess).`, ...page];
  const e = code.entry;
  const list = (title: string, items: readonly string[]) => (items.length ? [`${indent}  ${title}`, ...items.map((c) => `${indent}    - ${c}`)] : []);
  return [
    `${indent}${shown} — ${e.name}${e.rangeOnly ? ' (family only)' : ''}`,
    `${indent}  What it means: ${e.meaning}`,
    `${indent}  Who can fix it: ${WHO[e.fixer] ?? e.fixer}`,
    ...list('What the policy may have checked:', e.conditions),
    ...list('Will not help:', e.wontHelp),
    ...list('What you can do now:', e.userActions),
    ...list('What IT must do:', e.adminActions),
    ...page,
  ];
}

function fieldLines(fields: TroubleshootingFields, indent: string): string[] {
  return FIELD_ORDER.filter((k) => fields[k]).map((k) => `${indent}${FIELD_LABELS[k]}${k === 'supportTag' ? ', not an error code' : ''}: ${fields[k] ?? ''}`);
}

function errorSection(e: ExplainedError, i: number, total: number): string[] {
  const when = e.fields.timestamp ? `, ${e.fields.timestamp}` : '';
  const lines = [`Error ${i + 1} of ${total}${i === 0 ? ' (newest)' : ''}${when}`];
  for (const c of e.codes) lines.push(...codeLines(c, '  '));
  const details = fieldLines(e.fields, '    ');
  if (details.length) lines.push('  Details found:', ...details);
  return [...lines, ''];
}

export function renderExplanation(ex: Explanation): string {
  const lines = [ex.headline, ''];
  if (ex.errors.length <= 1) {
    for (const c of ex.codes) lines.push(...codeLines(c, ''), '');
    const details = fieldLines(ex.fields, '  ');
    if (details.length) lines.push('Details found:', ...details, '');
  } else ex.errors.forEach((e, i) => lines.push(...errorSection(e, i, ex.errors.length)));
  for (const note of ex.notes) lines.push(`Note: ${note}`);
  lines.push('', '--- Message for IT (copy from here) ---', ex.itMessage, '--- end ---');
  return `${lines.join('\n')}\n`;
}

/** One looked-up code, or why it is none of ours. */
export function renderLookup(input: string, found: readonly FoundCode[]): string {
  if (!found.length) {
    const windows = isWindowsErrorNumber(input.trim().replace(/^error\s*code\s*[:#]?\s*/i, ''))
      ? ' Numbers from 10000 to 15999 are Windows error numbers (Winsock, WinHTTP and others), not AADSTS codes; we do not list this one.'
      : '';
    return `"${input.slice(0, 64)}" is not a code of the families Sign-in Doctor reads (AADSTS, Windows sign-in 0xCAA…, Windows errors 0x8007… 0x8009… 0x801C… 0x8018…, Microsoft account 8004…, smart card 0x8010…).${windows}\n`;
  }
  const lines: string[] = [];
  for (const c of found) lines.push(...codeLines({ ...c, raw: displayCode(c.family, c.code) }, ''), '');
  return `${lines.join('\n')}`;
}
