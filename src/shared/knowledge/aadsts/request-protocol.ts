// The request the app built was malformed, incomplete, unsupported, or sent to the wrong address.
// The app's developer fixes it; a few are things a user typed or did (the Back button).
import { defineGroup } from './define-group';
import { APP_SIDE_WONT_HELP, SEND_TO_IT, SIGN_IN_LOG } from './shared-text';

export const REQUEST_PROTOCOL = defineGroup(
  'request-protocol',
  {
    audience: 'The sign-in request the app sent is malformed, incomplete or sent to the wrong address; the app\'s developer fixes it',
    fixer: 'developer',
    userActions: ['Close the app and try again; if it keeps happening, send the details to IT'],
    adminActions: ['Pass the error code, the app name and the Correlation ID to the app\'s developer or vendor: the request the app builds is wrong'],
    wontHelp: APP_SIDE_WONT_HELP,
  },
  [
    {
      code: '90014',
      name: 'MissingRequiredField',
      meaning: 'The sign-in request was missing a required field. This is usually an app problem.',
      fixer: 'admin',
      userActions: ['Close the app and try again', SEND_TO_IT],
      adminActions: ['Ask the app vendor which field is missing from its request'],
    },
    {
      code: '50049',
      name: 'NoSuchInstanceForDiscovery',
      meaning: 'The app asked about a sign-in instance that is unknown or not valid.',
    },
    {
      code: '50050',
      name: 'MalformedDiscoveryRequest',
      meaning: 'The app\'s discovery request was malformed.',
    },
    {
      code: '50098',
      name: 'JWT body missing a required field',
      meaning: 'A token the app sent lacks a field it must contain.',
    },
    {
      code: '50107',
      name: 'Federation realm object does not exist',
      meaning: 'The sign-in request named a federation realm that does not exist, so it matched no sign-in endpoint.',
    },
    {
      code: '50117',
      name: 'Claims request policy not readable',
      meaning: 'The claims request the app added to the sign-in could not be read.',
    },
    {
      code: '50120',
      name: 'Unknown credential type',
      meaning: 'The header of a token in the request names a credential type that is not known.',
    },
    {
      code: '50130',
      name: 'Claim value is not a known auth method',
      meaning: 'The request named an authentication method the service does not recognize.',
    },
    {
      code: '50138',
      name: 'Invalid encryption key environment',
      meaning: 'The encryption key environment given in the request is not valid.',
    },
    {
      code: '50141',
      name: 'Protected key not intended for this user',
      meaning: 'A protected key in the request was not issued for the account that signed in.',
    },
    {
      code: '51000',
      name: 'RequiredFeatureNotEnabled',
      meaning: 'The request needs a feature that is turned off.',
      fixer: 'admin',
      userActions: [SEND_TO_IT],
      adminActions: ['Find which feature the request needs (the sign-in log entry shows the details) and whether it is turned off on purpose'],
    },
    {
      code: '51001',
      name: 'DomainHintMustbePresent',
      meaning: 'The request used an on-premises identifier without the domain hint that has to go with it.',
    },
    {
      code: '51005',
      name: 'TemporaryRedirect',
      meaning: 'The service sent the request on to another address (a temporary redirect). Apps are expected to follow it on their own.',
      alsoAdmin: ['If an app stops here, its developer must make it follow the redirect'],
    },
    {
      code: '90004',
      name: 'InvalidRequestFormat',
      meaning: 'The request is not correctly formatted.',
    },
    {
      code: '90005',
      name: 'InvalidRequestWithMultipleRequirements',
      meaning: 'The request gave both an identifier and a login hint, which cannot be used together.',
    },
    {
      code: '90007',
      name: 'InvalidSessionId',
      meaning: 'The session ID passed in the request could not be read.',
    },
    {
      code: '90009',
      name: 'TokenForItselfMissingIdenticalAppIdentifier',
      meaning: 'The app asked for a token for itself, which only works when it names itself by its application ID (a GUID).',
    },
    {
      code: '90010',
      name: 'NotSupported',
      meaning: 'The service could not set up the cryptographic algorithm the request needs.',
    },
    {
      code: '9001023',
      name: 'Grant type not supported on /common or /consumers',
      meaning: 'This kind of token request cannot use the shared /common or /consumers sign-in addresses; it must use the organization\'s own address.',
    },
    {
      code: '90013',
      name: 'InvalidUserInput',
      meaning: 'Something typed into the sign-in is not valid.',
      fixer: 'user',
      userActions: ['Check what you typed and try again'],
      wontHelp: [],
    },
    {
      code: '900144',
      name: 'Required request parameter missing',
      meaning: 'The request the app sent lacks a parameter it must include.',
    },
    {
      code: '90015',
      name: 'QueryStringTooLong',
      meaning: 'The address of the request is too long.',
      userActions: ['Close the app or the browser tab and start the sign-in again', SEND_TO_IT],
      wontHelp: [],
    },
    {
      code: '90016',
      name: 'MissingRequiredClaim',
      meaning: 'The token presented lacks a claim it must have, so it is not valid.',
    },
    {
      code: '90022',
      name: 'AuthenticatedInvalidPrincipalNameFormat',
      meaning: 'A principal name in the request is not in the expected name[/host][@realm] form.',
    },
    {
      code: '90023',
      name: 'InvalidRequest',
      meaning: 'The request to the sign-in service is not valid.',
    },
    {
      code: '9002313',
      name: 'InvalidRequest',
      meaning: 'The request is malformed, or not valid for the address it was sent to.',
      alsoAdmin: ['Capture a network trace of the failing request (for example with Fiddler) and check how it is formed'],
    },
    {
      code: '9002332',
      name: 'App for Entra ID accounts only',
      meaning: 'The app is set up for work and school accounts only, but the request went to the address for personal Microsoft accounts (/consumers).',
    },
    {
      code: '90027',
      name: 'API version not supported for Microsoft accounts',
      meaning: 'Tokens for personal Microsoft accounts cannot be issued with the protocol version the app uses; the app needs the v2.0 endpoint.',
    },
    {
      code: '900384',
      name: 'JWT failed signature validation',
      meaning: 'A token in the request failed its signature check.',
    },
    {
      code: '90056',
      name: 'BadResourceRequest',
      meaning: 'The app sent its sign-in code to the wrong place or in the wrong way: it has to be posted to the token endpoint.',
    },
    {
      code: '900561',
      name: 'BadResourceRequestInvalidRequest',
      meaning: 'The sign-in endpoint got the wrong kind of web request (for example GET instead of POST). Going back with the browser\'s Back button can cause it.',
      fixer: 'user',
      userActions: ['Start the sign-in again instead of using the Back button'],
      wontHelp: [],
    },
    {
      code: '900971',
      name: 'No reply address provided',
      meaning: 'The request did not say where to return after sign-in.',
    },
    {
      code: '90100',
      name: 'InvalidRequestParameter',
      meaning: 'A parameter of the request is empty or not valid.',
    },
    {
      code: '901002',
      name: 'resource parameter not supported',
      meaning: 'The request used the older "resource" parameter, which this sign-in address does not support.',
    },
    {
      code: '90101',
      name: 'InvalidEmailAddress',
      meaning: 'The value given is not a valid email address.',
      fixer: 'user',
      userActions: ['Check the email address you typed (it looks like name@example.com)'],
      wontHelp: [],
    },
    {
      code: '90102',
      name: 'InvalidUriParameter',
      meaning: 'A value that must be a full web address is not one.',
    },
    {
      code: '90107',
      name: 'InvalidXml',
      meaning: 'The request contains XML that is not valid, for example characters that are not allowed.',
    },
    {
      code: '90112',
      name: 'Application identifier must be a GUID',
      meaning: 'The application identifier in the request has to be a GUID, and it is not.',
    },
    {
      code: '90114',
      name: 'InvalidExpiryDate',
      meaning: 'The expiry time asked for a bulk token would make a token that is already expired.',
    },
    {
      code: '90117',
      name: 'InvalidRequestInput',
      meaning: 'The input of the request is not valid.',
    },
    {
      code: '90121',
      name: 'InvalidEmptyRequest',
      meaning: 'The request was empty.',
    },
    {
      code: '90124',
      name: 'V1ResourceV2GlobalEndpointNotSupported',
      meaning: 'This service cannot be reached through the shared /common or /consumers addresses; the organization\'s own address is needed.',
    },
    {
      code: '90130',
      name: 'NonConvergedAppV2GlobalEndpointNotSupported',
      meaning: 'This app cannot use the shared /common or /consumers addresses; the organization\'s own address is needed.',
    },
    {
      code: '100007',
      name: 'Regional endpoint limited to managed identities',
      meaning: 'The regional sign-in address only serves managed identities and some Microsoft-hosted apps; this request has to use the global address.',
    },
    {
      code: '140000',
      name: 'InvalidRequestNonce',
      meaning: 'The request did not include the one-time value (nonce) it needs.',
    },
    {
      code: '140001',
      name: 'InvalidSessionKey',
      meaning: 'The session key in the request is not valid.',
    },
    {
      code: '165004',
      name: 'Runtime-specific error',
      meaning: 'A general error: the code alone does not say what failed; the message that came with it does.',
      fixer: 'both',
      userActions: ['Keep the whole error message, not only the code, and send it to IT'],
      adminActions: ['Read the full error message that came with the code', SIGN_IN_LOG],
      wontHelp: [],
    },
    {
      code: '165900',
      name: 'InvalidApiRequest',
      meaning: 'The request to the sign-in service was not valid.',
    },
    {
      code: '230109',
      name: 'CachedCredentialNonGWAuthNRequestsNotSupported',
      meaning: 'The request went straight to Microsoft\'s backup sign-in service, which only takes requests passed on by the Entra gateway.',
      fixer: 'admin',
      userActions: [SEND_TO_IT],
      adminActions: ['Check that no proxy, DNS override or hosts file sends sign-in traffic straight to the backup service'],
      relatedChecks: ['network'],
      wontHelp: [],
    },
  ],
);
