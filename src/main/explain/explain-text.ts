// PLACEHOLDER so the rest of the app builds while the explainer is written (the explainer's
// author replaces this whole file). It finds AADSTS codes only and explains nothing.
import type { Explanation } from '../../shared/contract/explain';

export function explainText(text: string): Explanation {
  const codes = [...new Set(text.match(/AADSTS\d{5,7}/g) ?? [])].map((raw) => ({ family: 'aadsts' as const, code: raw.slice(6), raw, known: false }));
  return { format: text.trim() ? 'plain' : 'empty', codes, fields: {}, headline: codes.length ? 'Codes found.' : 'No error code found.', itMessage: codes.map((c) => c.raw).join(', '), notes: [] };
}
