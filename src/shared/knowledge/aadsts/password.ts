// The password and the account lockout that guards it. Mostly the user's to fix; IT resets.
import { defineGroup } from './define-group';
import { SEND_TO_IT, SIGN_IN_LOG } from './shared-text';

export const PASSWORD = defineGroup(
  'password',
  {
    audience: 'The password is wrong, expired, must be changed, or the account is locked; the user retypes or changes it, IT resets it',
    fixer: 'user',
    userActions: ['Retype your password carefully (check Caps Lock and the keyboard layout)', 'Reset your password with self-service password reset if you have forgotten it'],
    adminActions: ['Reset the password if the user cannot', SIGN_IN_LOG],
  },
  [
    {
      code: '50053',
      name: 'IdsLocked',
      meaning: 'The account is temporarily locked after too many wrong passwords, or the sign-in came from an IP address known for malicious activity.',
      fixer: 'both',
      userActions: ['Wait 15-30 minutes before trying again', 'Reset your password with self-service password reset if you think someone else tried it'],
      adminActions: ['Check the sign-in log failure reason to tell a lockout from a malicious-IP block', 'Review failed attempts and unblock or reset as appropriate'],
      wontHelp: ['Trying again straight away: each attempt extends the lockout'],
      relatedChecks: ['network'],
    },
    {
      code: '50055',
      name: 'InvalidPasswordExpiredPassword',
      meaning: 'Your password has expired.',
      fixer: 'both',
      userActions: ['Change your password when prompted, or through your organization\'s password reset page'],
      adminActions: ['Reset the password if the user cannot'],
    },
    {
      code: '50056',
      name: 'Invalid or null password',
      meaning: 'No password is stored in the directory for this account, or an empty one was sent.',
      fixer: 'user',
      userActions: ['Enter your password again', 'If it keeps happening, ask IT to set a password for your account'],
      adminActions: ['Check that the account has a password (or that pass-through or federation is configured for it)'],
    },
    {
      code: '50064',
      name: 'CredentialAuthenticationError',
      meaning: 'The username or password could not be validated.',
      fixer: 'user',
      userActions: ['Retype your username and password', 'Reset your password if you are unsure of it'],
    },
    {
      code: '50125',
      name: 'PasswordResetRegistrationRequiredInterrupt',
      meaning: 'The sign-in stopped so you can reset your password or register password-reset information.',
      fixer: 'user',
      userActions: ['Complete the password reset or registration prompts'],
    },
    {
      code: '50126',
      name: 'InvalidUserNameOrPassword',
      meaning: 'The username or password is wrong.',
      fixer: 'user',
      userActions: ['Retype your password (check Caps Lock and keyboard layout)', 'Reset your password if you have forgotten it'],
      adminActions: ['For synced or federated accounts, check password hash sync or the federation server'],
    },
    {
      code: '50135',
      name: 'PasswordChangeCompromisedPassword',
      meaning: 'Entra ID thinks your account may be at risk and requires a password change.',
      fixer: 'user',
      userActions: ['Change your password when prompted'],
      adminActions: ['Review the user\'s risk in Entra ID Protection'],
    },
    {
      code: '50144',
      name: 'InvalidPasswordExpiredOnPremPassword',
      meaning: 'Your on-premises Active Directory password has expired.',
      fixer: 'user',
      userActions: ['Change your password (on a domain PC press Ctrl+Alt+Del > Change a password, or use self-service reset)'],
      adminActions: ['Reset the password if the user cannot'],
    },
    {
      code: '50137',
      name: 'Password change required by security policy',
      meaning: 'A security rule of your organization requires you to change your password before you continue.',
      userActions: ['Change your password when asked, then sign in with the new one'],
    },
    {
      code: '50142',
      name: 'Password change required by Conditional Access',
      meaning: 'A Conditional Access policy requires a password change, usually because your account was flagged as at risk.',
      fixer: 'both',
      userActions: ['Change your password when asked (you may have to confirm with MFA first)', SEND_TO_IT],
      alsoAdmin: ['Review the user\'s risk in Entra ID Protection and the policy that required the change'],
    },
  ],
);
