// Pass-through Authentication: agents on the organization's own servers check the password against
// on-premises Active Directory. Nothing on the user's computer is involved.
import { defineGroup } from './define-group';
import { MS_SUPPORT, RETRY_LATER, SEND_TO_IT } from './shared-text';

export const PASS_THROUGH = defineGroup(
  'pass-through',
  {
    audience: 'The on-premises agents that check passwords against Active Directory (Pass-through Authentication) failed; IT fixes the agents or AD',
    fixer: 'admin',
    userActions: [RETRY_LATER, SEND_TO_IT],
    adminActions: ['Check the Pass-through Authentication agents (Entra admin center > Entra Connect) and their event logs', 'Check that the agent servers reach the domain controllers'],
    wontHelp: ['Clearing caches or reinstalling the app: your password is checked on your organization\'s servers'],
  },
  [
    {
      code: '80001',
      name: 'OnPremiseStoreIsNotAvailable',
      meaning: 'The pass-through authentication agent could not reach on-premises Active Directory to check your password.',
      fixer: 'admin',
      userActions: [RETRY_LATER],
      adminActions: ['Check the pass-through authentication agents and their connectivity to domain controllers'],
    },
    {
      code: '80002',
      name: 'OnPremisePasswordValidatorRequestTimedout',
      meaning: 'Checking your password against on-premises Active Directory timed out.',
      fixer: 'admin',
      userActions: [RETRY_LATER],
      adminActions: ['Check that domain controllers respond to the pass-through authentication agents'],
    },
    {
      code: '80005',
      name: 'OnPremisePasswordValidatorUnpredictableWebException',
      meaning: 'An unexpected error happened while the on-premises authentication agent was answering.',
      fixer: 'admin',
      userActions: [RETRY_LATER],
      adminActions: ['Check the pass-through authentication agent logs', MS_SUPPORT],
    },
    {
      code: '80007',
      name: 'OnPremisePasswordValidatorErrorOccurredOnPrem',
      meaning: 'The on-premises authentication agent could not validate your password.',
      fixer: 'admin',
      userActions: [RETRY_LATER],
      adminActions: ['Check the agent logs and Active Directory health'],
    },
    {
      code: '80012',
      name: 'OnPremisePasswordValidationAccountLogonInvalidHours',
      meaning: 'Your account is not allowed to sign in at this time of day (logon hours set in Active Directory).',
      fixer: 'both',
      userActions: ['Sign in during your allowed hours, or ask IT to change them'],
      adminActions: ['Review the account\'s logon hours in Active Directory'],
      relatedChecks: ['clock'],
    },
    {
      code: '80013',
      name: 'OnPremisePasswordValidationTimeSkew',
      meaning: 'The clocks of the authentication agent server and Active Directory disagree too much.',
      fixer: 'admin',
      userActions: [RETRY_LATER],
      adminActions: ['Fix time synchronization between the agent servers and domain controllers'],
      relatedChecks: ['clock'],
    },
    {
      code: '80010',
      name: 'OnPremisePasswordValidationEncryptionException',
      meaning: 'The on-premises authentication agent could not decrypt the password it was given to check.',
      alsoAdmin: ['Re-register or reinstall the agent if its certificate is damaged'],
    },
    {
      code: '80014',
      name: 'OnPremisePasswordValidationAuthenticationAgentTimeout',
      meaning: 'The on-premises authentication agent answered after the time allowed.',
      adminActions: ['Check the agents\' load and their connection to the domain controllers', MS_SUPPORT],
    },
  ],
);
