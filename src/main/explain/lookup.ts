// `explain.lookup`: one code typed by the user, explained from the catalog.
import type { FoundCode } from '../../shared/contract/explain';
import { findEntry, parseCode } from '../../shared/knowledge/catalog';

/** [] when the text is not a code of our families; one FoundCode (known or not) otherwise. */
export function lookupCode(code: string): FoundCode[] {
  const ref = parseCode(code.slice(0, 64));
  if (!ref) return [];
  const entry = findEntry(ref.family, ref.code);
  return [entry ? { ...ref, raw: code.trim(), known: true, entry } : { ...ref, raw: code.trim(), known: false }];
}
