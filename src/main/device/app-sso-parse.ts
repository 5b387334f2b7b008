// Parses `app-sso platform -s` (macOS Platform SSO state). Pure and total. Two shapes exist in the
// wild: plain "Device Registration: REGISTERED" lines, and configuration dumps with JSON-like
// `"registrationCompleted" : true` inside "Device Configuration" / "User Configuration" blocks.
// Token material in the dump ("SSO Tokens") is never kept: only the typed fields below leave here.

export type RegistrationState = 'registered' | 'not-registered' | 'unknown';

export interface PlatformSsoStatus {
  deviceRegistration: RegistrationState;
  userRegistration: RegistrationState;
  /** Bundle id of the SSO extension Platform SSO uses (com.microsoft.CompanyPortalMac.ssoextension). */
  extensionIdentifier?: string;
  /** Password, UserSecureEnclaveKey, SmartCard (as written). */
  loginType?: string;
  /** "Platform SSO is not configured" or an empty output. */
  notConfigured: boolean;
  /** Lines of the form "Key: value" / "key" : value that we did not interpret (tokens excluded). */
  otherEntries: Record<string, string>;
}

const MAX_INPUT = 1024 * 1024;
const MAX_OTHER = 100;
const SECRET_KEY = /token|secret|password|key(?!type)|credential|assertion|cookie/i;

function state(value: string | undefined): RegistrationState {
  if (value === undefined) return 'unknown';
  const v = value.replace(/["',;]/g, '').trim().toLowerCase();
  if (/^(registered|true|yes|1|complete[d]?)$/.test(v)) return 'registered';
  if (/^(not[ _-]?registered|unregistered|false|no|0|none|failed|pending)$/.test(v)) return 'not-registered';
  return 'unknown';
}

export function parseAppSsoPlatform(input: unknown): PlatformSsoStatus {
  const text = typeof input === 'string' ? input.slice(0, MAX_INPUT).split('\u0000').join('') : '';
  const result: PlatformSsoStatus = { deviceRegistration: 'unknown', userRegistration: 'unknown', notConfigured: false, otherEntries: {} };
  if (!text.trim() || /not\s+(been\s+)?configured|no platform sso|platform sso is not/i.test(text)) {
    result.notConfigured = true;
    return result;
  }
  let block: 'device' | 'user' | 'tokens' | 'other' = 'other';
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (/^device configuration\s*:?/i.test(line)) block = 'device';
    else if (/^user configuration\s*:?/i.test(line)) block = 'user';
    else if (/^(sso tokens|tokens)\s*:?/i.test(line)) block = 'tokens';
    else if (/^(login configuration|configuration)\s*:?\s*$/i.test(line)) block = 'other';
    const m = /^"?([A-Za-z_][A-Za-z0-9_ ]{0,60}?)"?\s*[:=]\s*(.+?)\s*[,;]?$/.exec(line);
    if (!m) continue;
    const key = m[1]!.trim();
    const value = m[2]!.replace(/^"|"$/g, '').trim();
    const k = key.toLowerCase().replace(/[\s_]+/g, '');
    if (k === 'deviceregistration') result.deviceRegistration = state(value);
    else if (k === 'userregistration') result.userRegistration = state(value);
    else if (k === 'registrationcompleted' && block === 'device') result.deviceRegistration = state(value);
    else if (k === 'registrationcompleted' && block === 'user') result.userRegistration = state(value);
    else if ((k === 'state' || k === 'userstate') && block === 'user' && result.userRegistration === 'unknown') result.userRegistration = state(value);
    else if (k === 'extensionidentifier') result.extensionIdentifier ??= value.replace(/[^A-Za-z0-9._-]/g, '');
    else if (k === 'logintype') result.loginType ??= value.replace(/\s*\(\d+\)\s*$/, '');
    else if (block !== 'tokens' && !SECRET_KEY.test(key) && Object.keys(result.otherEntries).length < MAX_OTHER && value.length <= 200) {
      result.otherEntries[`${block}.${key}`] = value;
    }
  }
  return result;
}
