// AADSTS families for codes Microsoft does not list one by one. The families were read off the
// reference table (documented-codes.ts): a code is matched by its leading digits and length, the first
// matching family wins, and a code no family claims stays unknown (never guessed). Prefixes the table
// shows only once (17xxx, 52xxx, 67xxx, 165xxx, 22xxxx...) or with unrelated meanings (54xxx,
// 1000xxx) have no family on purpose.
import type { CatalogEntry, Fixer } from '../../contract/explain';
import { defineEntries } from '../define-entries';
import { SEND_TO_IT, SIGN_IN_LOG } from './shared-text';

interface FamilyInput {
  pattern: RegExp;
  /** Shown as the family's name, e.g. "AADSTS53xxx Conditional Access". */
  name: string;
  meaning: string;
  fixer: Fixer;
  userActions?: string[];
  adminActions?: string[];
}

const LOOK_UP = 'Look the code up on Microsoft\'s error page and in the sign-in log entry (Entra admin center > Sign-in logs, by Correlation ID)';

const FAMILIES: readonly FamilyInput[] = [
  { pattern: /^160\d{2,3}$/, name: 'AADSTS160xx account and session selection', meaning: 'A problem choosing the account or session to sign in with.', fixer: 'user', userActions: ['Sign in again and pick the account this organization gave you'] },
  { pattern: /^20\d{3,4}$/, name: 'AADSTS20xxx WS-Federation identity provider', meaning: 'An error from, or about, the organization\'s federated identity provider (WS-Federation).', fixer: 'admin' },
  { pattern: /^28\d{3}$/, name: 'AADSTS28xxx requested scope', meaning: 'A problem with the permission (scope) an app asked for in a token request.', fixer: 'developer' },
  { pattern: /^40\d{3}$/, name: 'AADSTS40xxx external identity provider', meaning: 'An error from an external identity provider that signs users in for Entra ID.', fixer: 'admin' },
  { pattern: /^50\d{3,5}$/, name: 'AADSTS50xxx sign-in', meaning: 'An error of the core sign-in step: the account, its credentials, the session, the device or the app\'s request.', fixer: 'both' },
  { pattern: /^51\d{3}$/, name: 'AADSTS51xxx sign-in', meaning: 'A sign-in service error about the account, the organization, or how the request was routed.', fixer: 'both' },
  { pattern: /^53\d{3}$|^530\d{3}$/, name: 'AADSTS53xxx Conditional Access', meaning: 'A Conditional Access or security policy of the organization stopped the sign-in, on Microsoft\'s servers.', fixer: 'both', adminActions: ['Find the entry in Entra admin center > Sign-in logs by Correlation ID or Request ID and open its Conditional Access tab'] },
  { pattern: /^65\d{3,4}$/, name: 'AADSTS65xxx consent', meaning: 'A problem with consent: permission for an app to access data or a service has not been given, or the app asks for it wrongly.', fixer: 'admin' },
  { pattern: /^70\d{3,5}$/, name: 'AADSTS70xxx app and token request', meaning: 'An error in the app\'s token request (OAuth): its registration, credentials, redirect address, scopes, or a saved sign-in it tried to use.', fixer: 'developer' },
  { pattern: /^7[56]\d{3,5}$/, name: 'AADSTS75xxx SAML', meaning: 'An error in SAML single sign-on between Entra ID and an app.', fixer: 'admin' },
  { pattern: /^80\d{3}$/, name: 'AADSTS80xxx on-premises Pass-through Authentication', meaning: 'An error of the on-premises agents that check passwords against Active Directory (Pass-through Authentication).', fixer: 'admin' },
  { pattern: /^81\d{3}$/, name: 'AADSTS81xxx Seamless SSO', meaning: 'An error of Seamless single sign-on (Kerberos from a domain-joined PC).', fixer: 'both', userActions: ['Sign in with your username and password if you are offered it'] },
  { pattern: /^90\d{3,5}$/, name: 'AADSTS90xxx request', meaning: 'An error about the sign-in request itself (its format, parameters or address) or a service it depends on.', fixer: 'developer' },
  { pattern: /^120\d{3}$/, name: 'AADSTS120xxx password change', meaning: 'An error while changing or resetting a password (self-service reset or writeback to on-premises AD).', fixer: 'user', userActions: ['Try the change again, following your organization\'s password rules'] },
  { pattern: /^130\d{3}$/, name: 'AADSTS130xxx Windows Hello', meaning: 'An error with a Windows Hello for Business key (PIN or biometrics) or the device it belongs to.', fixer: 'both', userActions: ['Sign in with your password instead'] },
  { pattern: /^135\d{3}$/, name: 'AADSTS135xxx device key', meaning: 'An error with the key or the directory object of the device used to sign in.', fixer: 'both' },
  { pattern: /^140\d{3}$/, name: 'AADSTS140xxx proof-of-possession request', meaning: 'An error with the one-time values or session keys that bind a sign-in request to its device or app.', fixer: 'developer' },
];

const ENTRIES: readonly CatalogEntry[] = defineEntries(
  'aadsts',
  FAMILIES.map((f) => ({
    code: '',
    name: f.name,
    meaning: `${f.meaning} This exact code is not in Microsoft's published list, so only its family is known.`,
    fixer: f.fixer,
    userActions: [...(f.userActions ?? []), SEND_TO_IT],
    adminActions: [...(f.adminActions ?? []), LOOK_UP, SIGN_IN_LOG],
    rangeOnly: true,
  })),
);

/** The family entry for an AADSTS code (canonical decimal), or undefined when no family claims it. */
export function findAadstsFamily(code: string): CatalogEntry | undefined {
  const i = FAMILIES.findIndex((f) => f.pattern.test(code));
  return i < 0 ? undefined : ENTRIES[i];
}

/** For tests and docs: the families and their entries. */
export const AADSTS_FAMILIES: readonly { pattern: RegExp; entry: CatalogEntry }[] = FAMILIES.map((f, i) => ({ pattern: f.pattern, entry: ENTRIES[i] as CatalogEntry }));
