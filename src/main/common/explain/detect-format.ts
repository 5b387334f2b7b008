// Which kind of text was pasted. Only used to describe the input and to allow Teams' bare
// "code 53003"; code and field finding work the same on every format.
import type { Explanation } from '../../../shared/contract/explain';

export type TextFormat = Explanation['format'];

const JSON_KEYS = /"(?:error|error_description|error_codes|correlation_id|trace_id|suberror|error_uri)"[ \t\n]{0,8}:/;
const SOAP = /<[ \t]{0,4}(?:[\w-]{1,20}:)?(?:Envelope|Fault)\b|<psf:/i;
const ERROR_PAGE = /troubleshooting details|you cannot access this right now|help us keep your device secure|you can't get there from here/i;
const PAGE_LINES = /^[ \t]{0,8}(?:app name|app id|device identifier|device platform|device state|ip address)\b/gim;
const TEAMS = /we couldn'?t sign you in|couldn'?t sign you in|microsoft teams|\bteams\b/i;
const ERROR_CODE = /error[ \t]{0,4}code/i;

function isWholeJson(trimmed: string): boolean {
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (!((first === '{' && last === '}') || (first === '[' && last === ']'))) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false; // invalid JSON, or too deep for the engine: not a JSON document for our purposes
  }
}

export function detectFormat(text: string): TextFormat {
  const trimmed = text.trim();
  if (!trimmed) return 'empty';
  if (JSON_KEYS.test(text) || isWholeJson(trimmed)) return 'json';
  if (SOAP.test(text)) return 'soap';
  if (ERROR_PAGE.test(text) || (text.match(PAGE_LINES)?.length ?? 0) >= 2) return 'error-page';
  if (/we couldn'?t sign you in/i.test(text) || (TEAMS.test(text) && ERROR_CODE.test(text))) return 'teams-dialog';
  return 'plain';
}
