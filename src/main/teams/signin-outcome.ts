// What a Teams client writes in its log when a sign-in ends, as data, and how one log text is
// read for the first outcome after a moment (`since`). Failures are the existing scanner's
// (log-scan.ts: AADSTS, "Error code: 53003", WAM 0xCAA…); successes are the patterns below.
//
// Honesty about the sources: Microsoft documents where the logs are and what a failure line
// carries (the AADSTS text with its Correlation ID), but not a "signed in" line. Each success
// pattern says where its shape comes from and how sure we are; a client that writes none of them
// gives "no-answer", never a false "signed in": every success pattern refuses a line that also
// mentions a failure.
import type { ClientId } from './teams-paths';
import { lineTime, scanLogText, type LogCode } from './log-scan';

export type Confidence = 'observed' | 'derived' | 'best-guess';

export interface SuccessPattern {
  pattern: RegExp;
  /** Where the shape comes from, in our words. */
  source: string;
  confidence: Confidence;
}

/** A line that mentions any of these is never a success, whatever else it says. */
const FAILURE_WORDS = /\b(?:fail(?:s|ed|ure)?|error|denied|blocked|unable|cannot|couldn'?t|timed?[ -]?out)\b|<ERR>|AADSTS\d|caa[0-9a-f]{5}/i;

export const SUCCESS_PATTERNS: Record<ClientId, readonly SuccessPattern[]> = {
  new: [
    {
      // New Teams (MSTeams_*.log) writes "<time> <thread> <LEVEL> Component: text" lines; its auth
      // components (AuthenticationService, TokenBroker / OneAuth) log acquireToken results. The
      // failure form is seen in user reports; the success wording is our best guess of its twin.
      pattern: /<INFO>.*\b(?:Authentication\w*|TokenBroker|OneAuth|Auth\w*)\b.*\b(?:acquireToken\w*|AcquireToken\w*|getToken\w*|sign[- ]?in|login)\b.*\b(?:succeeded|successful(?:ly)?|success|completed)\b/i,
      source: 'new Teams log line shape (time, thread id, <LEVEL>, component) from shared samples; success wording guessed',
      confidence: 'best-guess',
    },
    {
      pattern: /<INFO>.*\b(?:sign[- ]?in|login|authentication)\b\s*(?:has\s+)?(?:succeeded|successful|completed)\b/i,
      source: 'generic "sign-in succeeded" wording on an <INFO> line of the new Teams log',
      confidence: 'best-guess',
    },
  ],
  classic: [
    {
      // Classic Teams' logs.txt writes "-- event -- … status: success|failure, scenario: <GUID>,
      // scenarioName: <name>, name: <name>" (Microsoft's "Resolve issues when starting the new
      // Teams app" quotes such a failure line). A sign-in scenario (auth/login/signin/sso in its
      // name) with status success is read as signed in: the shape is documented, the names derived.
      pattern: /--\s*event\s*--(?=.*\bstatus:\s*success\b)(?=.*\b(?:scenarioName|name):\s*[\w-]*(?:auth|login|signin|sign_in|sso)[\w-]*)/i,
      source: 'classic logs.txt "-- event --" line shape (status, scenarioName) from Microsoft troubleshooting docs; sign-in scenario names derived',
      confidence: 'derived',
    },
    {
      pattern: /--\s*info\s*--.*\b(?:ADAL|authentication|auth)\b.*\b(?:acquireToken\w*|sign[- ]?in|login)\b.*\b(?:succeeded|successful(?:ly)?|success)\b/i,
      source: 'classic logs.txt "-- info --" ADAL lines (failure form seen in user reports); success wording guessed',
      confidence: 'best-guess',
    },
  ],
  linux: [
    {
      // teams-for-linux (electron-log, ~/.config/teams-for-linux/logs/main.log when file logging is
      // on) prints "[TOKEN_CACHE] Token refresh successful for <resource>" from its token refresh
      // code, and "[TOKEN_REFRESH] Scheduled refresh completed: N/M tokens …".
      pattern: /\[TOKEN_CACHE\]\s*Token refresh successful\b|\[TOKEN_REFRESH\]\s*Scheduled refresh completed:\s*[1-9]\d*\//,
      source: 'teams-for-linux source (token refresh module log lines)',
      confidence: 'observed',
    },
    {
      pattern: /\b(?:logged in|sign[- ]?in (?:succeeded|successful|completed)|login (?:succeeded|successful|completed))\b/i,
      source: 'generic sign-in wording of the wrapped Teams web app in the console log',
      confidence: 'best-guess',
    },
  ],
};

/**
 * AADSTS codes that are a step of a sign-in, not its end: Entra asks for the user (silent sign-in
 * found no session, MFA or account selection needed) and the client then shows its prompt.
 * Stopping at them would report "failed" while the user is still signing in.
 */
export const STEP_CODES: ReadonlySet<string> = new Set([
  '50058', // silent sign-in, but no user is signed in: the client asks interactively next
  '50074', // strong authentication required: the MFA prompt follows
  '50076', // MFA required by policy or location: the prompt follows
  '50079', // MFA registration required: the registration page follows
  '16000', // account selection needed
]);

export interface SigninOutcomeLine {
  outcome: 'signed-in' | 'failed';
  /** UTC ISO time of the line. */
  at: string;
  client: ClientId;
  file: string;
  line: number;
  code?: LogCode;
  correlationId?: string;
  pattern?: SuccessPattern;
}

const ZONE = /(?:Z|[+-]\d{2}:?\d{2}|GMT[+-]\d{4})/;

/**
 * The time of a line in ms. teams-for-linux writes electron-log's local time without a zone, so
 * for it a zone-less time is read as this machine's local time; the Microsoft clients write UTC.
 */
export function lineTimeMs(line: string, client: ClientId): number | undefined {
  if (client === 'linux') {
    const m = /^\s*\[?(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?\d*(\S*)/.exec(line);
    if (m && !ZONE.test(m[8] ?? '')) {
      const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Number((m[7] ?? '0').padEnd(3, '0'))).getTime();
      return Number.isFinite(t) ? t : undefined;
    }
  }
  const iso = lineTime(line);
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

const FRACTION = /^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}[.,]\d/;

/**
 * Whether a line at `t` is after `sinceMs`. A line whose time has whole seconds only (classic
 * Teams) counts from the start of the second `since` falls in: its own fraction is unknown.
 */
export function isAfter(line: string, t: number, sinceMs: number): boolean {
  return FRACTION.test(line) ? t > sinceMs : t >= Math.floor(sinceMs / 1000) * 1000;
}

/** Successes in a text: lines matching the client's patterns and no failure word; each with its time. */
export function scanSuccessText(text: string, client: ClientId, file: string): SigninOutcomeLine[] {
  const out: SigninOutcomeLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.slice(0, 4_000);
    if (FAILURE_WORDS.test(line)) continue;
    const pattern = SUCCESS_PATTERNS[client].find((p) => p.pattern.test(line));
    if (!pattern) continue;
    const t = lineTimeMs(line, client);
    if (t === undefined) continue;
    out.push({ outcome: 'signed-in', at: new Date(t).toISOString(), client, file, line: i + 1, pattern });
  }
  return out;
}

/**
 * The first outcome in a log text strictly after `sinceMs`: a failure the scanner recognises (its
 * leading code not a step code) or a success line. Lines without a time are skipped: we cannot
 * say they are newer than `since`. Pure: tested on samples.
 */
export function firstOutcome(text: string, client: ClientId, file: string, sinceMs: number): SigninOutcomeLine | undefined {
  const lines = text.split(/\r?\n/);
  const candidates: SigninOutcomeLine[] = [];
  for (const f of scanLogText(text, client, file)) {
    const code = f.codes.find((c) => !(c.family === 'aadsts' && STEP_CODES.has(c.code)));
    if (!code) continue;
    const t = lineTimeMs(lines[f.line - 1] ?? '', client) ?? (f.time ? Date.parse(f.time) : undefined);
    if (t === undefined || !Number.isFinite(t) || !isAfter(lines[f.line - 1] ?? '', t, sinceMs)) continue;
    candidates.push({ outcome: 'failed', at: new Date(t).toISOString(), client, file, line: f.line, code, ...(f.correlationId ? { correlationId: f.correlationId } : {}) });
  }
  for (const s of scanSuccessText(text, client, file)) if (isAfter(lines[s.line - 1] ?? '', Date.parse(s.at), sinceMs)) candidates.push(s);
  candidates.sort((a, b) => a.at.localeCompare(b.at) || a.line - b.line);
  return candidates[0];
}
