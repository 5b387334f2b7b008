// Catalog data is written as short literals; this fills the list fields that most entries leave empty
// so every entry has exactly the shape CatalogEntrySchema produces.
import type { CatalogEntry, CodeFamily } from '../contract/explain';

export type EntryInput = Pick<CatalogEntry, 'code' | 'name' | 'meaning' | 'fixer'> &
  Partial<Omit<CatalogEntry, 'family' | 'code' | 'name' | 'meaning' | 'fixer'>>;

export function defineEntries(family: CodeFamily, inputs: readonly EntryInput[]): CatalogEntry[] {
  return inputs.map((e) => ({
    family,
    code: e.code,
    name: e.name,
    meaning: e.meaning,
    fixer: e.fixer,
    userActions: e.userActions ?? [],
    adminActions: e.adminActions ?? [],
    wontHelp: e.wontHelp ?? [],
    conditions: e.conditions ?? [],
    relatedChecks: e.relatedChecks ?? [],
    relatedFixes: e.relatedFixes ?? [],
    rangeOnly: e.rangeOnly ?? false,
  }));
}
