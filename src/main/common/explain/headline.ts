// Which found code matters most, and the one calm sentence about it. Conditional Access codes lead
// (they are the ones people misread as a broken app), then other exact sign-in codes, then exact
// WAM/smart-card codes, then family-only matches, then unknown codes.
import type { FoundCode, TroubleshootingFields } from '../../../shared/contract/explain';
import { displayCode, isConditionalAccessCode } from '../../../shared/knowledge/catalog';

function rank(c: FoundCode): number {
  if (!c.known || !c.entry) return 4;
  if (c.entry.rangeOnly) return 3;
  if (isConditionalAccessCode(c.family, c.code)) return 0;
  return c.family === 'aadsts' ? 1 : 2;
}

/** The most important code; ties go to the one that appeared first. */
export function pickTopCode(codes: readonly FoundCode[]): FoundCode | undefined {
  let best: FoundCode | undefined;
  for (const c of codes) if (!best || rank(c) < rank(best)) best = c;
  return best;
}

export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text);
  return (m ? m[0] : text).trim();
}

export function codeLabel(c: FoundCode): string {
  const shown = displayCode(c.family, c.code);
  return c.entry && !c.entry.rangeOnly ? `${shown} (${c.entry.name})` : shown;
}

export function buildHeadline(codes: readonly FoundCode[], fields: TroubleshootingFields): string {
  const top = pickTopCode(codes);
  if (!top) {
    const hasIds = fields.correlationId ?? fields.requestId ?? fields.traceId;
    return hasIds
      ? 'No sign-in error code was found, but the text has IDs your IT team can use to find the sign-in.'
      : 'No sign-in error code was found in this text.';
  }
  const shown = displayCode(top.family, top.code);
  if (!top.entry) return `${shown} is not in our catalog, so we will not guess what it means; your IT team can look it up with the IDs.`;
  if (top.entry.rangeOnly) return `${shown} belongs to the ${top.entry.name} family: ${firstSentence(top.entry.meaning)}`;
  return `${codeLabel(top)}: ${firstSentence(top.entry.meaning)}`;
}
