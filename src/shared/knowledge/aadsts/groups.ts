// Every AADSTS group, in the order the catalog lists them. A code belongs to exactly one group.
import { ACCOUNTS } from './accounts';
import { APP_ACCESS } from './app-access';
import { APP_REGISTRATION } from './app-registration';
import { CERTIFICATE } from './certificate';
import { CLAIMS_MAPPING } from './claims-mapping';
import { CONDITIONAL_ACCESS } from './conditional-access';
import type { AadstsGroup } from './define-group';
import { DEVICE } from './device';
import { DEVICE_CODE_FLOW } from './device-code-flow';
import { FEDERATION } from './federation';
import { MFA } from './mfa';
import { PASS_THROUGH } from './pass-through';
import { PASSWORD } from './password';
import { PASSWORD_CHANGE } from './password-change';
import { REQUEST_PROTOCOL } from './request-protocol';
import { SAML_APPS } from './saml-apps';
import { SEAMLESS_SSO } from './seamless-sso';
import { SERVICE } from './service';
import { SESSIONS } from './sessions';
import { TENANT_ACCESS } from './tenant-access';

export const AADSTS_GROUPS: readonly AadstsGroup[] = [
  CONDITIONAL_ACCESS,
  MFA,
  DEVICE,
  CERTIFICATE,
  PASSWORD,
  ACCOUNTS,
  SESSIONS,
  DEVICE_CODE_FLOW,
  PASSWORD_CHANGE,
  APP_ACCESS,
  TENANT_ACCESS,
  APP_REGISTRATION,
  REQUEST_PROTOCOL,
  SAML_APPS,
  CLAIMS_MAPPING,
  FEDERATION,
  PASS_THROUGH,
  SEAMLESS_SSO,
  SERVICE,
];
