// Most AADSTS codes share their audience with many others (app-registration errors go to the app's
// developer, federation errors to whoever runs the identity provider...). A group states that audience
// once: who can fix it and the actions that hold for every code in it. An entry states only what is
// specific to it; any field it gives replaces the group's, and alsoUser / alsoAdmin put entry-specific
// actions before the group's.
import type { CatalogEntry, Fixer } from '../../contract/explain';
import { defineEntries, type EntryInput } from '../define-entries';

export interface AadstsGroupDefaults {
  /** Who meets these codes and who acts on them, in one line (for maintainers and the tests). */
  audience: string;
  fixer: Fixer;
  userActions: readonly string[];
  adminActions: readonly string[];
  wontHelp?: readonly string[];
  conditions?: readonly string[];
  relatedChecks?: readonly string[];
  relatedFixes?: readonly string[];
}

export type GroupEntryInput = Pick<EntryInput, 'code' | 'name' | 'meaning'> &
  Partial<Omit<EntryInput, 'code' | 'name' | 'meaning'>> & {
    alsoUser?: readonly string[];
    alsoAdmin?: readonly string[];
  };

export interface AadstsGroup {
  id: string;
  audience: string;
  entries: CatalogEntry[];
}

export function defineGroup(id: string, group: AadstsGroupDefaults, inputs: readonly GroupEntryInput[]): AadstsGroup {
  const entries = defineEntries(
    'aadsts',
    inputs.map(({ alsoUser, alsoAdmin, ...e }) => ({
      ...e,
      fixer: e.fixer ?? group.fixer,
      userActions: e.userActions ?? [...(alsoUser ?? []), ...group.userActions],
      adminActions: e.adminActions ?? [...(alsoAdmin ?? []), ...group.adminActions],
      wontHelp: e.wontHelp ?? [...(group.wontHelp ?? [])],
      conditions: e.conditions ?? [...(group.conditions ?? [])],
      relatedChecks: e.relatedChecks ?? [...(group.relatedChecks ?? [])],
      relatedFixes: e.relatedFixes ?? [...(group.relatedFixes ?? [])],
    })),
  );
  return { id, audience: group.audience, entries };
}
