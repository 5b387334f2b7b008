// Federated sign-in: another identity provider (AD FS, a third-party or partner IdP, an external
// OpenID Connect or SAML provider) checks the user and hands Entra ID a token. Its owner fixes it.
import { defineGroup } from './define-group';
import { MS_SUPPORT, RETRY_LATER, SEND_TO_IT, SIGN_IN_LOG } from './shared-text';

export const FEDERATION = defineGroup(
  'federation',
  {
    audience: 'The federated or external identity provider failed or sent a token Entra ID cannot accept; whoever runs that identity provider fixes it',
    fixer: 'admin',
    userActions: [RETRY_LATER, SEND_TO_IT],
    adminActions: ['Check the federated identity provider (AD FS or third party): its logs, its token signing certificate and the federation settings of the domain', SIGN_IN_LOG],
    wontHelp: ['Clearing caches or reinstalling the app: the failure is at the identity provider'],
  },
  [
    {
      code: '20001',
      name: 'WsFedSignInResponseError',
      meaning: 'Your organization\'s federated identity provider answered the sign-in with an error.',
    },
    {
      code: '20012',
      name: 'WsFedMessageInvalid',
      meaning: 'The answer from your organization\'s federated identity provider could not be read as a valid sign-in message.',
    },
    {
      code: '20033',
      name: 'FedMetadataInvalidTenantName',
      meaning: 'The federation settings (metadata) of your organization\'s identity provider name an organization that is not valid.',
    },
    {
      code: '40008',
      name: 'OAuth2IdPUnretryableServerError',
      meaning: 'The external identity provider had a problem that trying again will not fix.',
      userActions: [SEND_TO_IT],
    },
    {
      code: '40009',
      name: 'OAuth2IdPRefreshTokenRedemptionUserError',
      meaning: 'The external identity provider refused to renew your saved sign-in.',
      fixer: 'both',
      userActions: ['Sign in again', SEND_TO_IT],
    },
    {
      code: '40010',
      name: 'OAuth2IdPRetryableServerError',
      meaning: 'The external identity provider had a temporary problem.',
      userActions: [RETRY_LATER],
    },
    {
      code: '40015',
      name: 'OAuth2IdPAuthCodeRedemptionUserError',
      meaning: 'The external identity provider refused the sign-in code it had handed out.',
      fixer: 'both',
      userActions: ['Start the sign-in again', SEND_TO_IT],
    },
    {
      code: '50008',
      name: 'InvalidSamlToken',
      meaning: 'The SAML token from the identity provider is missing or not set up correctly.',
      alsoAdmin: ['Check the claim rules of the relying party trust for Entra ID on the federation server'],
    },
    {
      code: '5000819',
      name: 'InvalidSamlTokenEmailMissingOrInvalid',
      meaning: 'The SAML token from the external identity provider carries no email address, or one whose domain does not fit.',
      alsoAdmin: ['Check that the identity provider sends the email claim, with a domain that matches the federation'],
    },
    {
      code: '50027',
      name: 'InvalidJwtToken',
      meaning: 'A token (JWT) presented during sign-in was rejected: its issuer, audience, validity time, signature or required fields were wrong.',
      fixer: 'both',
      userActions: ['Check that your computer\'s date and time are correct, then sign in again', SEND_TO_IT],
      alsoAdmin: ['If an external identity provider issued the token, check its signing keys and the claims it sends'],
      relatedChecks: ['clock'],
    },
    {
      code: '50169',
      name: 'InvalidRequestBadRealm',
      meaning: 'The realm in the request is not one configured for this service.',
    },
    {
      code: '90020',
      name: 'SAML 1.1 assertion missing ImmutableID',
      meaning: 'The SAML 1.1 token from the identity provider lacks the user\'s immutable ID (source anchor).',
      alsoAdmin: ['Check the ImmutableID claim rule on the federation server'],
    },
    {
      code: '90081',
      name: 'OrgIdWsFederationMessageInvalid',
      meaning: 'A WS-Federation sign-in message could not be processed because it was not valid.',
    },
    {
      code: '90082',
      name: 'OrgIdWsFederationNotSupported',
      meaning: 'The authentication policy chosen for this WS-Federation request is not supported.',
    },
    {
      code: '90085',
      name: 'OrgIdWsFederationSltRedemptionFailed',
      meaning: 'No token could be issued because the organization has not been fully set up in the service yet.',
      alsoAdmin: [MS_SUPPORT],
    },
    {
      code: '90086',
      name: 'OrgIdWsTrustDaTokenExpired',
      meaning: 'A token used in a WS-Trust sign-in has expired.',
      fixer: 'both',
      userActions: ['Sign in again', SEND_TO_IT],
    },
    {
      code: '90087',
      name: 'OrgIdWsFederationMessageCreationFromUriFailed',
      meaning: 'A WS-Federation message could not be built from the address it came with.',
    },
    {
      code: '90123',
      name: 'IdentityProviderAccessDenied',
      meaning: 'The identity provider, or a provider of extra claims, refused to let a token be issued.',
    },
    {
      code: '399284',
      name: 'InboundIdTokenIssuerInvalid',
      meaning: 'The ID token from the federated identity provider names no issuer, or the wrong one.',
      alsoAdmin: ['Check that the issuer in the provider\'s tokens matches the issuer configured for the federation'],
    },
    {
      code: '5001256',
      name: 'Invalid id_token from external provider',
      meaning: 'The external identity provider sent back an ID token that could not be accepted.',
    },
    {
      code: '50166',
      name: 'Request to external OIDC endpoint failed',
      meaning: 'A call to the external OpenID Connect identity provider failed.',
    },
    {
      code: '901011',
      name: 'NoEmailAddressCollectedFromExternalOidcIDP',
      meaning: 'The external sign-in provider did not share an email address, for example because "Hide my email" was chosen.',
      fixer: 'user',
      userActions: ['Sign up again and let the provider share your email address'],
    },
    {
      code: '901012',
      name: 'EmailAddressCollectedFromExternalOidcIDPNotVerified',
      meaning: 'The email address from the external sign-in provider has not been verified there.',
      fixer: 'user',
      userActions: ['Verify your email address with that provider, then try again'],
    },
    {
      code: '901014',
      name: 'NoExternalIdentifierCollectedFromExternalOidcIDP',
      meaning: 'The external sign-in provider did not send the account identifier that is needed.',
    },
    {
      code: '1000000',
      name: 'UserNotBoundError',
      meaning: 'This sign-in also needs you to sign in at an external identity provider, and that has not happened yet.',
      fixer: 'user',
      userActions: ['Continue and finish the sign-in at the other identity provider'],
      wontHelp: [],
    },
    {
      code: '1000002',
      name: 'BindCompleteInterruptError',
      meaning: 'Linking your account with the external identity provider worked; the page says so before going on. This is not a failure.',
      fixer: 'user',
      userActions: ['Continue'],
      adminActions: ['Nothing is needed'],
      wontHelp: [],
    },
  ],
);
