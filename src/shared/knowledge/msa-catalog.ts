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

/** Fallback for 0x8004xxxx codes not in the table. */
export const MSA_RANGE: CatalogEntry = {
  ...defineEntries('msa', [
    {
      code: '8004',
      name: 'Microsoft account or app error (0x8004xxxx)',
      meaning: 'An error code of the Microsoft account sign-in or of an Office / Teams client. Many Windows components use this range for their own errors, so the code alone does not say which one.',
      fixer: 'both',
      userActions: ['Sign out of the app and sign in again', 'If it returns, send the details (with any support tag shown) to IT'],
      adminActions: ['Look the code up with the app vendor\'s support, giving the support tag and the time if the message showed them'],
    },
  ])[0]!,
  rangeOnly: true,
};
