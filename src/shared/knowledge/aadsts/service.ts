// Temporary or internal problems of Microsoft's services. Waiting and retrying is the user's part;
// service health and a support case are IT's. Nothing local is broken.
import { defineGroup } from './define-group';
import { LOCAL_REPAIRS_WONT_HELP, MS_SUPPORT, RETRY_LATER, SEND_TO_IT } from './shared-text';

export const SERVICE = defineGroup(
  'service',
  {
    audience: 'A temporary or internal problem of Microsoft\'s services; the user retries later, IT checks service health and opens a support case',
    fixer: 'admin',
    userActions: [RETRY_LATER],
    adminActions: ['Check the Microsoft 365 service health dashboard', MS_SUPPORT],
    wontHelp: LOCAL_REPAIRS_WONT_HELP,
  },
  [
    {
      code: '50000',
      name: 'TokenIssuanceError',
      meaning: 'The Microsoft sign-in service had an internal problem issuing the token. Nothing on your device caused it.',
      fixer: 'admin',
      userActions: [RETRY_LATER],
      adminActions: ['Check the Microsoft 365 service health dashboard', MS_SUPPORT],
    },
    {
      code: '90033',
      name: 'MsodsServiceUnavailable',
      meaning: 'A Microsoft directory service was temporarily unavailable.',
      fixer: 'admin',
      userActions: [RETRY_LATER],
      adminActions: ['Check the Microsoft 365 service health dashboard'],
    },
    {
      code: '50033',
      name: 'RetryableError',
      meaning: 'A temporary error happened in the sign-in service.',
    },
    {
      code: '70012',
      name: 'MsaServerError',
      meaning: 'A Microsoft server error happened while signing in a personal Microsoft account.',
    },
    {
      code: '90006',
      name: 'ExternalServerRetryableError',
      meaning: 'A service the sign-in depends on is temporarily unavailable.',
    },
    {
      code: '90012',
      name: 'RequestTimeout',
      meaning: 'The request took too long and timed out.',
      relatedChecks: ['network'],
      wontHelp: [],
    },
    {
      code: '90024',
      name: 'RequestBudgetExceededError',
      meaning: 'A temporary error happened: the request needed more work than allowed at once. Trying again usually works.',
    },
    {
      code: '90036',
      name: 'MsodsServiceUnretryableFailure',
      meaning: 'The Microsoft directory service had an unexpected error that trying again will not fix.',
      userActions: [SEND_TO_IT],
    },
    {
      code: '90055',
      name: 'TenantThrottlingError',
      meaning: 'Your organization is sending too many sign-in requests, so they are being slowed down or refused.',
      alsoAdmin: ['Look for an app or script that signs in far too often'],
    },
    {
      code: '90090',
      name: 'GraphRetryableError',
      meaning: 'A Microsoft directory service the sign-in uses is temporarily unavailable.',
    },
    {
      code: '90091',
      name: 'GraphServiceUnreachable',
      meaning: 'The sign-in service could not reach a Microsoft directory service (Graph).',
    },
    {
      code: '90092',
      name: 'GraphNonRetryableError',
      meaning: 'A Microsoft directory service (Graph) answered with an error that trying again will not fix.',
      userActions: [SEND_TO_IT],
    },
    {
      code: '90093',
      name: 'GraphUserUnauthorized',
      meaning: 'A Microsoft directory service (Graph) refused the request as forbidden.',
      userActions: [SEND_TO_IT],
      adminActions: ['Check the permissions the app has been granted and the sign-in log entry', MS_SUPPORT],
    },
  ],
);
