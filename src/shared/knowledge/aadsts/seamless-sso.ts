// Seamless single sign-on: domain-joined PCs on the organization network sign in with a Kerberos
// ticket instead of a password. Refreshing the ticket or using the password gets the user in.
import { defineGroup } from './define-group';
import { SEND_TO_IT } from './shared-text';

export const SEAMLESS_SSO = defineGroup(
  'seamless-sso',
  {
    audience: 'Seamless single sign-on (Kerberos from a domain-joined PC) failed; the user can refresh the ticket or type the password, IT fixes Seamless SSO',
    fixer: 'both',
    userActions: ['Lock and unlock your computer (or sign out and in) to refresh its Kerberos ticket, then try again', 'You can still sign in with your username and password'],
    adminActions: [
      'Check Seamless SSO in Entra Connect, the AZUREADSSOACC computer account and its Kerberos key roll-over',
      'Check that the Seamless SSO address (autologon.microsoftazuread-sso.com) is in the Local intranet zone for users',
    ],
    relatedChecks: ['clock'],
  },
  [
    {
      code: '81010',
      name: 'DesktopSsoAuthTokenInvalid',
      meaning: 'Seamless single sign-on failed because the Kerberos ticket from your computer had expired or was invalid.',
      fixer: 'both',
      userActions: ['Lock and unlock your computer (or sign out and in) to refresh the Kerberos ticket, then try again'],
      adminActions: ['Check the Seamless SSO computer account and its Kerberos key roll-over'],
      relatedChecks: ['clock'],
    },
    {
      code: '81012',
      name: 'DesktopSsoMismatchBetweenTokenUpnAndChosenUpn',
      meaning: 'The account you are signing in with is different from the one signed in to Windows.',
      fixer: 'user',
      userActions: ['Sign in with the same account you use for Windows, or pick the right account'],
    },
    {
      code: '81004',
      name: 'DesktopSsoIdentityInTicketIsNotAuthenticated',
      meaning: 'Seamless single sign-on failed: the Kerberos ticket from your computer could not be authenticated.',
    },
    {
      code: '81005',
      name: 'DesktopSsoAuthenticationPackageNotSupported',
      meaning: 'Seamless single sign-on received a kind of Windows sign-in it does not support (for example NTLM instead of Kerberos).',
    },
    {
      code: '81006',
      name: 'DesktopSsoNoAuthorizationHeader',
      meaning: 'Seamless single sign-on got no Kerberos ticket from your browser. Often the browser is not set up to send one, or the PC is off the organization network.',
      userActions: ['Connect to the organization network or VPN and try again', 'You can still sign in with your username and password'],
      relatedChecks: ['network'],
    },
    {
      code: '81007',
      name: 'DesktopSsoTenantIsNotOptIn',
      meaning: 'Seamless single sign-on is not turned on for your organization.',
      fixer: 'admin',
      userActions: ['Sign in with your username and password'],
      adminActions: ['Turn on Seamless SSO in Entra Connect if it is wanted'],
      relatedChecks: [],
    },
    {
      code: '81009',
      name: 'DesktopSsoAuthorizationHeaderValueWithBadFormat',
      meaning: 'Seamless single sign-on could not read the Kerberos ticket it was given.',
    },
    {
      code: '81011',
      name: 'DesktopSsoLookupUserBySidFailed',
      meaning: 'Seamless single sign-on could not find your account from what the Kerberos ticket says.',
      alsoAdmin: ['Check that the on-premises account is synced to Entra ID'],
    },
    {
      code: '50180',
      name: 'WindowsIntegratedAuthMissing',
      meaning: 'This sign-in needs Windows integrated sign-in (Seamless SSO), which is not turned on for the organization.',
      fixer: 'admin',
      userActions: ['Sign in with your username and password if you are offered it', SEND_TO_IT],
      adminActions: ['Turn on Seamless SSO for the tenant in Entra Connect'],
      relatedChecks: [],
    },
  ],
);
