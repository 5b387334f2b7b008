// Sentences many AADSTS entries share, so they read the same everywhere and are changed in one place.

// Conditional Access: what a policy may have tested. Shared by the whole 53xxx/530xxx family.
export const CA_CONDITIONS: readonly string[] = [
  'Device state: whether the device is registered, Entra-joined or hybrid-joined, and marked compliant in Intune',
  'Location: the network or IP range you signed in from (a VPN, hotel, or new home network can look like a new location)',
  'Device platform: Windows, macOS, iOS, Android or Linux',
  'Client app: browser, desktop or mobile app, or an older sign-in method (legacy authentication)',
  'Risk: how risky this sign-in or your account looks to Entra ID Protection',
  'Authentication strength: for example phishing-resistant MFA, a certificate or a CAC/PIV smart card',
];

export const CA_WONT_HELP: readonly string[] = [
  'Clearing the Teams or browser cache',
  'Reinstalling Teams or Office',
  'Signing out and in again, or retyping your password (the password was already accepted)',
  'Restarting the computer',
];

export const CA_ADMIN_LOOKUP =
  'Find the entry in Entra admin center > Sign-in logs by Correlation ID or Request ID and open its Conditional Access tab to see which policy applied and which condition did not match';
export const CA_WHAT_IF = 'Replay the sign-in with the Conditional Access What If tool to confirm the policy and condition';
export const LOG_RETENTION =
  'Act promptly: sign-in logs are kept 7 days (Entra ID Free) or 30 days (P1/P2), after which the evidence is gone';
export const SEND_TO_IT = 'Send the details below (Correlation ID, Request ID, timestamp) to your IT help desk';
export const RETRY_LATER = 'Wait a few minutes and try again';
export const MS_SUPPORT = 'If it persists, open a Microsoft support case with the Correlation ID, Request ID and timestamp';
export const SIGN_IN_LOG = 'Find the entry in Entra admin center > Sign-in logs by Correlation ID or Request ID and read its failure reason and details';

/** Repairs of ours that help when a saved sign-in keeps failing. */
export const SIGNIN_LOOP_FIXES = ['teams.signin-reset', 'teams.cache-clear'];

/** The local repairs people try first, which cannot change a decision made on Microsoft's servers. */
export const LOCAL_REPAIRS_WONT_HELP: readonly string[] = [
  'Clearing the Teams or browser cache, or reinstalling the app: the problem is not on this computer',
];

export const APP_SIDE_WONT_HELP: readonly string[] = [
  'Retyping your password, clearing caches or reinstalling: the request the app sends is what is wrong',
];
