// Offline JWT inspector. Decodes header and payload and judges the claims a sign-in problem turns
// on (times, audience, scopes) against the corrected clock. It cannot verify the signature (no
// keys offline) and says so. The token is only ever held in memory here: nothing is written, logged
// or echoed back in an error message.
import type { TokenFlag, TokenInspection } from '../../shared/contract/device';
import { MAX_TOKEN_INPUT } from '../../shared/contract/device';
import { formatDuration } from '../common/format-duration';

export { formatDuration };

export class TokenInputError extends Error {
  override name = 'TokenInputError';
}

export interface InspectOptions {
  now: Date;
  /** Local clock offset from true time (true = local + offsetMs), from the clock check. */
  offsetMs?: number;
  needScopes?: readonly string[];
  expectAudience?: 'graph' | 'teams';
}

interface KnownAudience {
  name: string;
  kind: 'graph' | 'teams' | 'other';
}

// Resource app ids and URIs of the APIs a Teams / Microsoft 365 sign-in asks tokens for.
const AUDIENCES: Record<string, KnownAudience> = {
  '00000003-0000-0000-c000-000000000000': { name: 'Microsoft Graph', kind: 'graph' },
  'https://graph.microsoft.com': { name: 'Microsoft Graph', kind: 'graph' },
  'https://graph.microsoft.us': { name: 'Microsoft Graph (US Government L4)', kind: 'graph' },
  'https://dod-graph.microsoft.us': { name: 'Microsoft Graph (US Government DoD)', kind: 'graph' },
  'https://microsoftgraph.chinacloudapi.cn': { name: 'Microsoft Graph (China)', kind: 'graph' },
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe': { name: 'Microsoft Teams Services', kind: 'teams' },
  'https://api.spaces.skype.com': { name: 'Microsoft Teams Services', kind: 'teams' },
  'https://ic3.teams.office.com': { name: 'Microsoft Teams (chat service)', kind: 'teams' },
  'https://chatsvcagg.teams.microsoft.com': { name: 'Microsoft Teams (chat aggregator)', kind: 'teams' },
  'https://presence.teams.microsoft.com': { name: 'Microsoft Teams (presence)', kind: 'teams' },
  '00000002-0000-0000-c000-000000000000': { name: 'Azure AD Graph (retired)', kind: 'other' },
  'https://graph.windows.net': { name: 'Azure AD Graph (retired)', kind: 'other' },
  '00000002-0000-0ff1-ce00-000000000000': { name: 'Exchange Online', kind: 'other' },
  'https://outlook.office365.com': { name: 'Exchange Online', kind: 'other' },
  'https://outlook.office.com': { name: 'Exchange Online', kind: 'other' },
  '00000003-0000-0ff1-ce00-000000000000': { name: 'SharePoint Online', kind: 'other' },
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': { name: 'Azure Resource Manager', kind: 'other' },
  'https://management.azure.com': { name: 'Azure Resource Manager', kind: 'other' },
  'https://management.core.windows.net': { name: 'Azure Service Management', kind: 'other' },
};

export function knownAudience(aud: string): KnownAudience | undefined {
  return AUDIENCES[aud.toLowerCase().replace(/\/+$/, '')];
}

const B64URL = /^[A-Za-z0-9_-]*={0,2}$/;

function decodePart(part: string, which: 'header' | 'payload'): Record<string, unknown> {
  if (!part) throw new TokenInputError(`The ${which} part is empty.`);
  if (!B64URL.test(part) || part.replace(/=+$/, '').length % 4 === 1) {
    throw new TokenInputError(`The ${which} part is not base64url text (only A–Z, a–z, 0–9, "-" and "_" are allowed). Copy the token again without line breaks or quotes.`);
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(part.replace(/=+$/, ''), 'base64url'));
  } catch {
    throw new TokenInputError(`The ${which} part does not decode to UTF-8 text.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new TokenInputError(`The ${which} part is not JSON, so this is not a JWT.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TokenInputError(`The ${which} part is JSON but not an object, so this is not a JWT.`);
  return value as Record<string, unknown>;
}

/** Strips what people paste around a token: whitespace, quotes, "Bearer ", "Authorization:". */
export function cleanTokenInput(text: string): string {
  return text
    .trim()
    .replace(/^authorization\s*:\s*/i, '')
    .replace(/^bearer\s+/i, '')
    .replace(/^["'`]+|["'`]+$/g, '')
    .replace(/\s+/g, '');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const list = (v: unknown, split = false): string[] => {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string' && v) return split ? v.split(/\s+/).filter(Boolean) : [v];
  return [];
};

/** "https://graph.microsoft.com/User.Read" and "user.read" both name the scope User.Read. */
const scopeName = (s: string) => s.replace(/^.*\//, '').toLowerCase();

export function inspectToken(raw: string, options: InspectOptions): TokenInspection {
  if (typeof raw !== 'string') throw new TokenInputError('No token was given.');
  if (raw.length > MAX_TOKEN_INPUT) throw new TokenInputError(`The text is larger than ${MAX_TOKEN_INPUT / 1024} KB: a token is a few KB. Paste only the token.`);
  const token = cleanTokenInput(raw);
  if (!token) throw new TokenInputError('No token was given: paste an access or ID token (it starts with "eyJ").');
  const parts = token.split('.');
  if (parts.length === 5) throw new TokenInputError('This is an encrypted token (JWE, five parts): its content cannot be read offline.');
  if (parts.length !== 3) {
    throw new TokenInputError(`A JWT has three parts separated by dots (header.payload.signature); this text has ${parts.length}. Copy the whole token.`);
  }
  const header = decodePart(parts[0]!, 'header');
  const payload = decodePart(parts[1]!, 'payload');

  const offsetMs = options.offsetMs ?? 0;
  const nowMs = options.now.getTime() + offsetMs;
  const flags: TokenFlag[] = [];
  const times: TokenInspection['times'] = [];
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    const v = payload[claim];
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e11) continue;
    const at = v * 1000;
    const delta = at - nowMs;
    const rel =
      claim === 'exp' ? (delta > 0 ? `expires in ${formatDuration(delta)}` : `expired ${formatDuration(delta)} ago`)
      : claim === 'nbf' ? (delta > 0 ? `valid in ${formatDuration(delta)}` : `valid since ${formatDuration(delta)} ago`)
      : delta > 0 ? `issued ${formatDuration(delta)} in the future` : `issued ${formatDuration(delta)} ago`;
    times.push({ claim, epochSeconds: v, iso: new Date(at).toISOString(), relative: rel });
  }
  const clockHint = Math.abs(offsetMs) >= 5 * 60_000 ? ` Your computer's clock is off by ${formatDuration(offsetMs)}; times here use the corrected clock.` : '';
  const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  const nbf = typeof payload.nbf === 'number' ? payload.nbf * 1000 : undefined;
  if (exp === undefined) flags.push({ id: 'no-expiry', severity: 'warn', message: 'The token has no expiry time (exp); Microsoft services reject it.' });
  else if (exp <= nowMs) flags.push({ id: 'expired', severity: 'fail', message: `Expired ${formatDuration(nowMs - exp)} ago (${new Date(exp).toISOString()}). The app must get a new token.${clockHint}` });
  if (nbf !== undefined && nbf > nowMs) flags.push({ id: 'not-yet-valid', severity: 'fail', message: `Not valid yet: valid from ${new Date(nbf).toISOString()} (in ${formatDuration(nbf - nowMs)}).${clockHint || ' If the token is fresh, a wrong clock on this computer or the server is the likely cause.'}` });
  if (str(header.alg)?.toLowerCase() === 'none') flags.push({ id: 'unsigned', severity: 'warn', message: 'The header says alg "none": the token is unsigned and no Microsoft service accepts it.' });

  const aud = list(payload.aud);
  const known = aud.map(knownAudience).find(Boolean);
  if (options.expectAudience) {
    const want = options.expectAudience;
    if (!aud.some((a) => knownAudience(a)?.kind === want)) {
      flags.push({
        id: 'wrong-audience',
        severity: 'fail',
        message: `This token is for ${known?.name ?? (aud.join(', ') || 'no audience')}, not ${want === 'graph' ? 'Microsoft Graph' : 'Microsoft Teams'}: that API will reject it (401).`,
      });
    }
  } else if (!known) {
    flags.push({
      id: 'wrong-audience',
      severity: 'info',
      message: aud.length ? `The audience ${aud.join(', ')} is neither Microsoft Graph nor Microsoft Teams${/^[0-9a-f-]{36}$/i.test(aud[0] ?? '') ? ' (an app id: possibly an ID token, which no API accepts)' : ''}.` : 'The token has no audience (aud).',
    });
  }

  const scopes = list(payload.scp, true);
  const roles = list(payload.roles);
  const need = options.needScopes ?? [];
  if (need.length) {
    const have = new Set([...scopes, ...roles].map(scopeName));
    const missing = need.filter((s) => !have.has(scopeName(s)));
    if (missing.length) {
      flags.push({
        id: 'missing-scopes',
        severity: 'fail',
        message: `Missing ${missing.length === 1 ? 'scope' : 'scopes'} ${missing.join(', ')}. The token has ${[...scopes, ...roles].join(', ') || 'no scopes or roles'}. Consent or the app registration must grant ${missing.length === 1 ? 'it' : 'them'}.`,
      });
    }
  }

  const iss = str(payload.iss);
  const tid = str(payload.tid) ?? (iss ? /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(iss)?.[0] : undefined);
  const claims: TokenInspection['claims'] = {
    aud,
    ...(known ? { audienceName: known.name } : {}),
    ...(iss ? { iss } : {}),
    ...(tid ? { tid } : {}),
    ...(str(payload.appid) ? { appid: str(payload.appid) } : {}),
    ...(str(payload.azp) ? { azp: str(payload.azp) } : {}),
    scopes,
    roles,
    ...(str(payload.upn) ?? str(payload.preferred_username) ?? str(payload.unique_name) ? { upn: str(payload.upn) ?? str(payload.preferred_username) ?? str(payload.unique_name) } : {}),
    amr: list(payload.amr),
    ...(str(payload.deviceid) ? { deviceid: str(payload.deviceid) } : {}),
  };
  return {
    header,
    payload,
    times,
    claims,
    flags,
    clock: { now: new Date(nowMs).toISOString(), offsetMs, corrected: options.offsetMs !== undefined },
    signatureVerified: false,
    signatureNote: 'The signature is NOT verified: that needs the issuer\'s keys online. Decoding shows what the token claims, not that it is genuine.',
  };
}
