// Signing in on one device with a code shown by another (device code flow: az login, TVs, consoles).
import { defineGroup } from './define-group';
import { SEND_TO_IT } from './shared-text';

export const DEVICE_CODE_FLOW = defineGroup(
  'device-code-flow',
  {
    audience: 'Signing in with a code shown by another device; the user enters the code, or starts again for a new one',
    fixer: 'user',
    userActions: ['Start the sign-in again on the device and enter the new code it shows, at the address it shows'],
    adminActions: ['Nothing is needed unless it keeps failing; then read the sign-in log entry (Entra admin center > Sign-in logs, by Correlation ID)'],
  },
  [
    {
      code: '70016',
      name: 'AuthorizationPending',
      meaning: 'A device-code sign-in is waiting for you to finish in the browser. This is expected while it waits.',
      fixer: 'user',
      userActions: ['Open the address shown, enter the code, and complete sign-in'],
    },
    {
      code: '70018',
      name: 'BadVerificationCode',
      meaning: 'The code you entered for signing in on the other device is not the right one.',
      userActions: ['Enter the code again exactly as the device shows it'],
    },
    {
      code: '70019',
      name: 'CodeExpired',
      meaning: 'The sign-in code for the other device expired before it was used.',
    },
    {
      code: '90119',
      name: 'InvalidUserCode',
      meaning: 'The sign-in code was left empty.',
      userActions: ['Enter the code the device shows'],
    },
    {
      code: '90120',
      name: 'InvalidDeviceFlowRequest',
      meaning: 'This sign-in code was already used: it was approved or declined before.',
    },
    {
      code: '50134',
      name: 'DeviceFlowAuthorizeWrongDatacenter',
      meaning: 'The code was approved through a different Microsoft data center than the one the waiting device uses, so the two could not be matched.',
      userActions: ['Start again and approve the code from a browser on the same network as the waiting device', SEND_TO_IT],
    },
  ],
);
