// SAML single sign-on between Entra ID and an app: the app's SAML request, and the app's SAML settings
// in Enterprise applications (identifier, reply URL, signing certificate, claims).
import { defineGroup } from './define-group';
import { APP_SIDE_WONT_HELP, MS_SUPPORT, SEND_TO_IT } from './shared-text';

export const SAML_APPS = defineGroup(
  'saml-apps',
  {
    audience: 'SAML single sign-on to an app is set up wrong, or the app sends a SAML request Entra ID does not accept; IT (the app\'s owner in Enterprise applications) and the app vendor fix it',
    fixer: 'admin',
    userActions: ['Nothing on your side will fix this; send the details to IT'],
    adminActions: [
      'Compare the app\'s SAML settings with Enterprise applications > the app > Single sign-on (identifier, reply URL, signing certificate, claims)',
      'Capture the SAML request (for example with the browser\'s developer tools) and give it to the app vendor if the app sends it wrong',
    ],
    wontHelp: APP_SIDE_WONT_HELP,
  },
  [
    {
      code: '75011',
      name: 'NoMatchedAuthnContextInOutputClaims',
      meaning: 'You signed in with a different method than the app demanded (for example password instead of certificate).',
      fixer: 'both',
      userActions: ['Sign out and sign in again with the method the app requires (for example your smart card)'],
      adminActions: ['Check the authentication context the SAML app requests'],
      relatedChecks: ['cac'],
    },
    {
      code: '50003',
      name: 'MissingSigningKey',
      meaning: 'No signing certificate or key is set up for this app, so its sign-in answer cannot be signed.',
      alsoAdmin: ['Add or renew the SAML signing certificate in the app\'s Single sign-on settings'],
    },
    {
      code: '50007',
      name: 'PartnerEncryptionCertificateMissing',
      meaning: 'The certificate used to encrypt tokens for this app was not found.',
      alsoAdmin: [MS_SUPPORT],
    },
    {
      code: '50010',
      name: 'AudienceUriValidationFailed',
      meaning: 'The app has no token audience (identifier) set up, so the token could not be checked.',
      alsoAdmin: ['Set the Identifier (Entity ID) in the app\'s Single sign-on settings'],
    },
    {
      code: '501241',
      name: 'Mandatory transformation input missing',
      meaning: 'A claim the app needs, usually the user identifier (NameID), has no source value for this user.',
      alsoAdmin: ['Check User Attributes & Claims, especially the source attribute of the Unique User Identifier (Name ID)'],
    },
    {
      code: '75001',
      name: 'BindingSerializationError',
      meaning: 'The SAML message could not be packaged to send back to the app.',
    },
    {
      code: '75003',
      name: 'UnsupportedBindingError',
      meaning: 'The app asked for the SAML answer by a method other than HTTP POST, the only one supported.',
      fixer: 'developer',
    },
    {
      code: '75005',
      name: 'Saml2MessageInvalid',
      meaning: 'The SAML request the app sent is not one Entra ID supports.',
      fixer: 'developer',
    },
    {
      code: '7500514',
      name: 'Supported SAML response type not found',
      meaning: 'The SAML message is not of a response type Entra ID accepts.',
      fixer: 'developer',
    },
    {
      code: '750054',
      name: 'SAMLRequest or SAMLResponse missing',
      meaning: 'The SAML request or response was missing from the address the app used (Redirect binding).',
      fixer: 'developer',
    },
    {
      code: '7500529',
      name: 'Invalid SAML ID',
      meaning: 'The ID in the app\'s SAML request is not valid, for example because it starts with a digit.',
      fixer: 'developer',
    },
    {
      code: '75008',
      name: 'RequestDeniedError',
      meaning: 'The SAML request named a destination that does not match, so it was refused.',
    },
    {
      code: '75016',
      name: 'Saml2AuthenticationRequestInvalidNameIDPolicy',
      meaning: 'The SAML request asks for a user identifier format (NameID policy) that is not valid.',
    },
    {
      code: '76021',
      name: 'ApplicationRequiresSignedRequests',
      meaning: 'The app is set to require signed SAML requests, and this one was not signed.',
      alsoAdmin: ['Either have the app sign its requests with the certificate registered for it, or stop requiring signed requests'],
    },
    {
      code: '76026',
      name: 'RequestIssueTimeExpired',
      meaning: 'The SAML request was too old when it arrived (its issue time had passed).',
      userActions: ['Check that your computer\'s date and time are correct, then open the app again', SEND_TO_IT],
      relatedChecks: ['clock'],
    },
    {
      code: '900236',
      name: 'InvalidRequestSamlPropertyUnsupported',
      meaning: 'The SAML request sets a property that is not supported.',
      fixer: 'developer',
    },
  ],
);
