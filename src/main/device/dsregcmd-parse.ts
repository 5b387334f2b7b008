// Parses the text of `dsregcmd /status` (Windows). Pure: any text in, a typed result out, never a
// throw. Sections are boxed titles; entries are `Key : Value` with any spacing around the colon.
// Field names are matched without spaces and case, so "Device Name", "DeviceName" and
// "  devicename:" are the same; lines we do not understand are kept, not dropped.

export interface DsregEntry {
  key: string;
  value: string;
}

export interface DsregSection {
  title: string;
  entries: DsregEntry[];
}

export type YesNo = boolean | undefined;

export interface DsregLastError {
  /** Where it was found: the PRT attempt (SSO State) or the registration diagnostics. */
  source: 'prt' | 'registration';
  code?: string;
  description?: string;
  correlationId?: string;
  requestId?: string;
  time?: string;
}

export interface DsregStatus {
  sections: DsregSection[];
  /** Lines that are neither a section title nor an entry (kept for the record). */
  unknownLines: string[];
  deviceState: {
    azureAdJoined: YesNo;
    enterpriseJoined: YesNo;
    domainJoined: YesNo;
    domainName?: string;
    deviceName?: string;
    virtualDesktop?: string;
  };
  deviceDetails: {
    deviceId?: string;
    thumbprint?: string;
    certificateValidity?: { from?: string; to?: string };
    keyProvider?: string;
    tpmProtected: YesNo;
    /** SUCCESS, or FAILED with its reason ("FAILED. Device is either disabled or deleted"). */
    deviceAuthStatus?: string;
    deviceAuthOk: YesNo;
  };
  tenant: { tenantName?: string; tenantId?: string; mdmUrl?: string };
  user: { ngcSet: YesNo; workplaceJoined: YesNo; wamDefaultSet: YesNo; wamDefaultAuthority?: string };
  sso: {
    azureAdPrt: YesNo;
    azureAdPrtUpdateTime?: string;
    azureAdPrtExpiryTime?: string;
    azureAdPrtAuthority?: string;
    enterprisePrt: YesNo;
  };
  lastError?: DsregLastError;
  /** True when nothing recognisable was found (not dsregcmd output, or empty). */
  empty: boolean;
}

const MAX_LINES = 5_000;
const MAX_LINE = 2_000;
const MAX_UNKNOWN = 200;

// "Yes"/"No" as dsregcmd writes them, plus the words a localized build or a translation might use.
const YES = new Set(['yes', 'ja', 'oui', 'si', 'sí', 'sim', 'да', 'true']);
const NO = new Set(['no', 'nein', 'non', 'não', 'nao', 'нет', 'false']);

export function yesNo(value: string | undefined): YesNo {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

const normKey = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');

/** "2026-11-30 10:15:00.000 UTC" -> ISO 8601; undefined when it is not such a time. */
export function dsregTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?\s*(?:UTC|Z|GMT)?/i.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number((ms ?? '0').padEnd(3, '0'))));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function cleanText(text: string): string {
  // UTF-16 output read as UTF-8 arrives with NULs between characters; a BOM may lead.
  return text.replace(/^\uFEFF/, '').split('\u0000').join('');
}

const BOX_EDGE = /^\s*\+[-=+\s]*\+?\s*$/;
const BOX_TITLE = /^\s*\|\s*(.*?)\s*\|\s*$/;
const ENTRY = /^\s*([\p{L}\p{N}][\p{L}\p{N} ()./_'-]{0,79}?)\s*:\s?(.*)$/u;

export function parseDsregcmd(input: unknown): DsregStatus {
  const text = typeof input === 'string' ? cleanText(input) : '';
  const sections: DsregSection[] = [];
  const unknownLines: string[] = [];
  let current: DsregSection = { title: '', entries: [] };
  const lines = text.split(/\r\n|\r|\n/).slice(0, MAX_LINES);
  for (const rawLine of lines) {
    const line = rawLine.length > MAX_LINE ? rawLine.slice(0, MAX_LINE) : rawLine;
    if (!line.trim() || BOX_EDGE.test(line)) continue;
    const title = BOX_TITLE.exec(line);
    if (title) {
      if (current.title || current.entries.length) sections.push(current);
      current = { title: title[1] ?? '', entries: [] };
      continue;
    }
    const entry = ENTRY.exec(line);
    if (entry && !/^https?$/i.test(entry[1] ?? '')) {
      current.entries.push({ key: (entry[1] ?? '').trim(), value: (entry[2] ?? '').trim() });
      continue;
    }
    if (unknownLines.length < MAX_UNKNOWN) unknownLines.push(line.trim());
  }
  if (current.title || current.entries.length) sections.push(current);
  return interpret(sections, unknownLines);
}

function interpret(sections: DsregSection[], unknownLines: string[]): DsregStatus {
  // First value of each key wins, except inside the diagnostic parts (read separately below).
  const first = new Map<string, string>();
  for (const s of sections) for (const e of s.entries) if (!first.has(normKey(e.key))) first.set(normKey(e.key), e.value);
  const get = (...keys: string[]) => {
    for (const k of keys) {
      const v = first.get(normKey(k));
      if (v !== undefined && v !== '') return v;
    }
    return undefined;
  };

  const validity = get('DeviceCertificateValidity');
  const validityMatch = validity ? /\[\s*(.*?)\s+--\s+(.*?)\s*\]/.exec(validity) : null;
  const auth = get('DeviceAuthStatus');

  const status: DsregStatus = {
    sections,
    unknownLines,
    deviceState: {
      azureAdJoined: yesNo(get('AzureAdJoined')),
      enterpriseJoined: yesNo(get('EnterpriseJoined')),
      domainJoined: yesNo(get('DomainJoined')),
      domainName: get('DomainName'),
      deviceName: get('Device Name'),
      virtualDesktop: get('Virtual Desktop'),
    },
    deviceDetails: {
      deviceId: get('DeviceId'),
      thumbprint: get('Thumbprint'),
      ...(validityMatch ? { certificateValidity: { from: dsregTime(validityMatch[1]), to: dsregTime(validityMatch[2]) } } : {}),
      keyProvider: get('KeyProvider'),
      tpmProtected: yesNo(get('TpmProtected')),
      deviceAuthStatus: auth,
      deviceAuthOk: auth === undefined ? undefined : /^success/i.test(auth) ? true : /^fail/i.test(auth) ? false : undefined,
    },
    tenant: { tenantName: get('TenantName'), tenantId: get('TenantId'), mdmUrl: get('MdmUrl') },
    user: {
      ngcSet: yesNo(get('NgcSet')),
      workplaceJoined: yesNo(get('WorkplaceJoined')),
      wamDefaultSet: yesNo(get('WamDefaultSet')),
      wamDefaultAuthority: get('WamDefaultAuthority'),
    },
    sso: {
      azureAdPrt: yesNo(get('AzureAdPrt')),
      azureAdPrtUpdateTime: dsregTime(get('AzureAdPrtUpdateTime')),
      azureAdPrtExpiryTime: dsregTime(get('AzureAdPrtExpiryTime')),
      azureAdPrtAuthority: get('AzureAdPrtAuthority'),
      enterprisePrt: yesNo(get('EnterprisePrt')),
    },
    empty: sections.every((s) => s.entries.length === 0),
  };
  const lastError = findLastError(sections);
  if (lastError) status.lastError = lastError;
  return dropUndefined(status);
}

/** The most telling error: a failed PRT attempt (SSO State) first, then the registration diagnostics. */
function findLastError(sections: DsregSection[]): DsregLastError | undefined {
  const all = sections.flatMap((s) => s.entries.map((e) => ({ ...e, section: s.title, k: normKey(e.key) })));
  const prtStart = all.findIndex((e) => e.k === 'acquireprtdiagnostics' || e.k === 'previousprtattempt');
  if (prtStart >= 0) {
    const block = all.slice(prtStart, prtStart + 25);
    const v = (k: string) => block.find((e) => e.k === k)?.value || undefined;
    const code = v('servererrorcode') ?? v('attemptstatus') ?? v('clienterrorcode');
    const err: DsregLastError = {
      source: 'prt',
      code,
      description: v('servererrordescription') ?? v('servermessage'),
      correlationId: guid(v('correlationid')),
      requestId: guid(v('requestid')),
      time: dsregTime(v('previousprtattempt')),
    };
    if (err.code || err.correlationId || err.description) return dropUndefined(err);
  }
  const diag = sections.find((s) => /diagnostic/i.test(s.title));
  const entries = (diag ? diag.entries : all).map((e) => ({ ...e, k: normKey(e.key) }));
  const v = (k: string) => entries.find((e) => e.k === k)?.value || undefined;
  const status = v('attemptstatus');
  const code = v('clienterrorcode') ?? v('servererrorcode');
  const correlationId = guid(v('correlationid'));
  if (!code && !correlationId && !(status && /fail/i.test(status))) return undefined;
  if (code && /^0x0+$/i.test(code) && !correlationId) return undefined;
  return dropUndefined({
    source: 'registration',
    code,
    description: v('servermessage') ?? v('servererrordescription') ?? v('servererrorcode'),
    correlationId,
    requestId: guid(v('requestid')),
    time: dsregTime(v('clienttime') ?? v('previousregistration')),
  });
}

function guid(value: string | undefined): string | undefined {
  return value ? /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(value)?.[0] : undefined;
}

function dropUndefined<T>(value: T): T {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v : dropUndefined(v);
  }
  return out as T;
}
