// Microsoft's own lookup page for an AADSTS code. Derived from the code, so every entry (and every
// code we only know by family, or not at all) has it without typing it 300 times.
export const AADSTS_LOOKUP_BASE = 'https://login.microsoftonline.com/error';

/** The lookup page of one AADSTS code (decimal digits only), or undefined for anything else. */
export function aadstsLookupUrl(code: string): string | undefined {
  return /^\d{5,7}$/.test(code) ? `${AADSTS_LOOKUP_BASE}?code=${code}` : undefined;
}
