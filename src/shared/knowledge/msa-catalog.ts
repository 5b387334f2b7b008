// Microsoft account (MSA) and Office / OneDrive client codes in 0x8004xxxx, often printed without
// "0x" ("Error Code: 80043490"). Microsoft documents very few of them one by one, and 0x8004xxxx
// is also the range every Windows component may use for its own errors (FACILITY_ITF), so most
// codes here only get the family meaning, marked as such: we never guess a code's meaning.
import type { CatalogEntry } from '../contract/explain';
import { defineEntries } from './define-entries';

export const MSA_CATALOG: CatalogEntry[] = defineEntries('msa', [
  {
    code: '8004DE40',
    name: 'OneDrive / Office could not connect (0x8004DE40)',
    meaning: 'The OneDrive or Office client could not connect to the Microsoft cloud service: the connection, a proxy, or the TLS settings of the computer are in the way.',
    fixer: 'both',
    userActions: ['Check your connection and VPN, then try again', 'Check that the date, time and time zone of your computer are correct'],
    adminActions: ['Check the proxy and firewall for the Microsoft 365 endpoints, and that TLS 1.2 is enabled in the Internet Options'],
    relatedChecks: ['network', 'clock'],
  },
]);

/**
 * Fallback for 0x8004xxxx codes not in the table. The range is FACILITY_ITF: each COM component
 * defines its own codes there (80040154 is "class not registered", 8004010F an Outlook profile
 * error), so the entry names the range and gives no Microsoft account advice such as signing out.
 */
export const MSA_RANGE: CatalogEntry = {
  ...defineEntries('msa', [
    {
      code: '8004',
      name: 'Windows component / COM error (0x8004xxxx, FACILITY_ITF): Microsoft account and Office use it too',
      meaning: 'A code from the range where each Windows component or app defines its own errors (COM, Outlook, the Microsoft account sign-in, Office, Teams). The same number means different things in different programs, so the code alone does not say what went wrong.',
      fixer: 'both',
      userActions: ['Note which app showed the code and what you were doing, and send that to IT with any support tag shown'],
      adminActions: ['Look the code up for the app that showed it (its vendor\'s documentation or support), giving the support tag and the time if the message showed them'],
    },
  ])[0]!,
  rangeOnly: true,
};
