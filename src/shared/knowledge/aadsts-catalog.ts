// AADSTS codes returned by Microsoft Entra ID's sign-in service: every code of Microsoft's reference
// table (aadsts/documented-codes.ts names the commit read) plus undocumented codes real errors carry.
// Names are Microsoft's symbolic names; where Microsoft publishes none a short phrase is used.
// Meanings and actions are our own words. The entries live by audience in aadsts/<group>.ts.
import type { CatalogEntry } from '../contract/explain';
import { AADSTS_GROUPS } from './aadsts/groups';

export { CA_CONDITIONS } from './aadsts/shared-text';
export { aadstsLookupUrl } from './aadsts/lookup-link';

export const AADSTS_CATALOG: CatalogEntry[] = AADSTS_GROUPS.flatMap((g) => g.entries);
