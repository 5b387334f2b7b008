// Claims mapping: what goes into the tokens issued for an app, configured per app in the tenant
// (User Attributes & Claims, claims mapping policies, transformations, pairwise identifiers).
import { defineGroup } from './define-group';
import { LOCAL_REPAIRS_WONT_HELP, RETRY_LATER, SEND_TO_IT } from './shared-text';

export const CLAIMS_MAPPING = defineGroup(
  'claims-mapping',
  {
    audience: 'The claims configured for an app (mapping, transformations, signing key) are wrong; IT fixes the app\'s claims configuration',
    fixer: 'admin',
    userActions: ['Nothing on your side will fix this; send the details to IT'],
    adminActions: ['Review the app\'s claims configuration (Enterprise applications > the app > Single sign-on > Attributes & Claims, or its claims mapping policy) and its transformations'],
    wontHelp: LOCAL_REPAIRS_WONT_HELP,
  },
  [
    {
      code: '50042',
      name: 'UnableToGeneratePairwiseIdentifierWithMissingSalt',
      meaning: 'A per-app user identifier could not be made because a value it is built from (the salt) is missing.',
    },
    {
      code: '50043',
      name: 'UnableToGeneratePairwiseIdentifierWithMultipleSalts',
      meaning: 'A per-app user identifier could not be made because more than one salt value was found.',
    },
    {
      code: '50100',
      name: 'Claims transformation error',
      meaning: 'Building the token\'s claims failed while a transformation was applied.',
    },
    {
      code: '50101',
      name: 'Unknown claims transformer',
      meaning: 'A claims transformation named for this app does not exist.',
    },
    {
      code: '50102',
      name: 'Custom claims transformer not loaded',
      meaning: 'A custom claims transformation set for this app could not be loaded.',
    },
    {
      code: '50103',
      name: 'Claims transformation failed',
      meaning: 'A claims transformation for this app ran and failed with an error.',
    },
    {
      code: '50108',
      name: 'Claims transformation configuration not retrieved',
      meaning: 'The claims transformation settings for this app could not be read.',
    },
    {
      code: '50109',
      name: 'Claim transformation unknown in configuration',
      meaning: 'The configuration names a claims transformation that is not known.',
    },
    {
      code: '50111',
      name: 'Unknown claim transformation requested',
      meaning: 'A claims transformation that is not known was asked to run.',
    },
    {
      code: '50123',
      name: 'Unknown claims transformation method',
      meaning: 'A claims transformation for this app uses a method that is not known.',
    },
    {
      code: '50124',
      name: 'Invalid regular expression in claims transformation',
      meaning: 'A regular expression in this app\'s claims transformation is not valid.',
    },
    {
      code: '50162',
      name: 'Claims transformation timed out',
      meaning: 'The claims transformations for this app took too long, usually because there are too many or they are too complex.',
      userActions: [RETRY_LATER, SEND_TO_IT],
    },
    {
      code: '50163',
      name: 'Claims transformation result too large',
      meaning: 'A claims transformation produced a value larger than allowed.',
    },
    {
      code: '501621',
      name: 'ClaimsTransformationTimeoutRegularExpressionTimeout',
      meaning: 'A regular expression in a claims transformation took too long, usually because it is too complex.',
      userActions: [RETRY_LATER, SEND_TO_IT],
    },
    {
      code: '501461',
      name: 'AcceptMappedClaims not allowed for this audience',
      meaning: 'The app accepts mapped claims, which is only allowed when its identifier is its application ID or one of the organization\'s verified domains.',
      alsoAdmin: ['Change the app\'s identifier (Application ID URI), or give the app its own signing key'],
    },
    {
      code: '50146',
      name: 'MissingCustomSigningKey',
      meaning: 'This app must have its own signing key, and it has none, or the key has expired or is not valid yet.',
      alsoAdmin: ['Add or renew the app-specific signing key'],
    },
  ],
);
