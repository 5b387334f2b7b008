// `explain.text`: find every sign-in error code and troubleshooting field in pasted text and explain
// them. Pure and synchronous: no I/O, linear in the input length.
import { MAX_EXPLAIN_INPUT, type ExplainedError, type Explanation, type FoundCode } from '../../../shared/contract/explain';
import { findEntry, isConditionalAccessCode } from '../../../shared/knowledge/catalog';
import { detectFormat } from './detect-format';
import { findCodes, type CodeHit } from './find-codes';
import { findFieldEvents } from './find-fields';
import { groupErrors } from './group-errors';
import { buildHeadline, pickTopCode } from './headline';
import { buildItMessage } from './it-message';
import { prepareText } from './prepare-text';

/** Thrown for text over MAX_EXPLAIN_INPUT; the service and CLI reject such input before it gets here. */
export class ExplainInputTooLargeError extends RangeError {
  constructor(length: number) {
    super(`The text is ${length} characters long; the explainer accepts at most ${MAX_EXPLAIN_INPUT}. Paste only the error message.`);
    this.name = 'ExplainInputTooLargeError';
  }
}

const MAX_CODES = 50;

function explainHit(h: CodeHit): FoundCode {
  const entry = findEntry(h.family, h.code);
  return entry ? { family: h.family, code: h.code, raw: h.raw, known: true, entry } : { family: h.family, code: h.code, raw: h.raw, known: false };
}

export function explainText(text: string): Explanation {
  if (text.length > MAX_EXPLAIN_INPUT) throw new ExplainInputTooLargeError(text.length);
  const prepared = prepareText(text);
  const format = detectFormat(prepared.text);
  const notes: string[] = [];
  if (prepared.hadBinary) notes.push('The text contained binary data (control or NUL bytes); it was ignored.');

  if (format === 'empty') {
    const base = { format, codes: [], fields: {}, errors: [], headline: 'Nothing to explain: the text is empty.', notes: [...notes, 'Paste the error message, or the whole error page, to have it explained.'] };
    return { ...base, itMessage: buildItMessage(base) };
  }

  const { hits, occurrences, otherHex } = findCodes(prepared.text, format);
  const groups = groupErrors(occurrences, findFieldEvents(prepared.text), prepared.text);
  const errors: ExplainedError[] = groups.map((g) => ({ codes: g.codes.slice(0, MAX_CODES).map(explainHit), fields: g.fields }));
  // The top-level codes and fields are the newest error's (the only one in most pastes).
  const newest = groups[0];
  const codes: FoundCode[] = errors[0]?.codes ?? [];
  const fields = errors[0]?.fields ?? {};
  const timestampUnparsed = newest?.timestampUnparsed ?? false;
  if ((newest?.codes.length ?? 0) > MAX_CODES) notes.push(`Only the first ${MAX_CODES} of ${newest?.codes.length ?? 0} different codes are listed.`);
  if (errors.length > 1) {
    notes.push(`This text holds ${errors.length} errors, each with its own IDs; the newest is explained first and all are listed in the message for IT.`);
  }
  if (!codes.length) {
    notes.push('No AADSTS code, Windows sign-in code (0xCAA…), Windows error (0x8007…, 0x801C…, 0x8018…), Microsoft account code (8004…) or smart card code (0x8010…) was found. If you have a screenshot, type the code shown after "Error code".');
  }
  const top = pickTopCode(codes);
  if (codes.length > 1) notes.push(`${codes.length} different codes were found; the most important is listed first in the headline, all are listed below.`);
  if (hits.some((h) => h.repaired)) {
    notes.push('Some codes were repaired (split across lines, or the letter O where a zero belongs); compare them with the original.');
  }
  if (codes.some((c) => c.entry?.rangeOnly)) notes.push('Codes marked as a family are not individually documented; only their family is known.');
  if (codes.some((c) => !c.known)) notes.push('Codes not in our catalog are listed without an explanation: we do not guess.');
  if (errors.some((e) => e.codes.some((c) => isConditionalAccessCode(c.family, c.code)))) {
    notes.push('This is a decision of your organization\'s Conditional Access policy, made on Microsoft\'s servers: no local repair changes it.');
    notes.push('Sign-in logs are kept 7 days (Entra ID Free) or 30 days (P1/P2): send the details to IT promptly.');
  }
  if (fields.traceId && !fields.requestId) notes.push('The Trace ID is the value the Entra sign-in log lists as Request ID.');
  if (codes.length && !fields.correlationId && !fields.requestId && !fields.traceId) {
    notes.push('No Correlation ID or Request ID was found; IT can still search the sign-in log by user and time.');
  }
  if (fields.deviceId && /^not available$/i.test(fields.deviceId)) {
    notes.push('Device identifier "Not available" means the device is not registered with your organization (Entra ID could not identify it).');
  }
  if (timestampUnparsed) notes.push('The timestamp could not be read as a date and is shown as written.');
  if (fields.suberror === 'message_only') notes.push('suberror "message_only": the service says retrying the sign-in will not resolve this.');
  if (fields.supportTag) notes.push(`Support tag ${fields.supportTag} is not an error code: it points Microsoft support to the place in the app that failed. Give it to IT with the rest.`);
  if (otherHex.length) notes.push(`Also found ${otherHex.join(', ')}: not a sign-in or smart card code we explain.`);

  const headline = buildHeadline(codes, fields);
  const base = { format, codes, fields, errors, headline, ...(top?.entry ? { fixer: top.entry.fixer } : {}), notes };
  return { ...base, itMessage: buildItMessage(base) };
}
