// PC/SC failures in the user's words. The binding reports errors as text ("Card was removed"),
// so the text is mapped back to the standard code first; the advice comes from the shared PC/SC
// catalog (the same one the explainer uses), plus card-level failures that are ours.
import type { PcscFailure } from '../../shared/contract/cac';
import { findPcscEntry } from '../../shared/knowledge/pcsc-catalog';
import { PCSC, PcscError } from './pcsc-port';

// Messages of the smartcard binding (src/pcsc_errors.h) and of pcsc-lite's pcsc_stringify_error.
const MESSAGE_CODES: ReadonlyArray<[RegExp, string]> = [
  [/service not running|no_service|SCARD_E_NO_SERVICE|service not available/i, PCSC.NO_SERVICE],
  [/service stopped|SCARD_E_SERVICE_STOPPED/i, PCSC.SERVICE_STOPPED],
  [/no readers available|SCARD_E_NO_READERS/i, PCSC.NO_READERS],
  [/card was removed|removed card|SCARD_W_REMOVED_CARD/i, PCSC.REMOVED],
  [/card was reset|reset card|SCARD_W_RESET_CARD/i, PCSC.RESET],
  [/unresponsive|SCARD_W_UNRESPONSIVE/i, PCSC.UNRESPONSIVE],
  [/unpowered/i, PCSC.UNPOWERED],
  [/sharing violation|SCARD_E_SHARING/i, PCSC.SHARING_VIOLATION],
  [/security violation|access denied|SCARD_W_SECURITY/i, PCSC.SECURITY_VIOLATION],
  [/no smart ?card|SCARD_E_NO_SMARTCARD/i, PCSC.NO_SMARTCARD],
  [/unknown reader/i, PCSC.UNKNOWN_READER],
  [/reader unavailable|SCARD_E_READER_UNAVAILABLE/i, PCSC.READER_UNAVAILABLE],
  [/timed out|timeout/i, PCSC.TIMEOUT],
  [/communication error|comm_error/i, PCSC.COMM_ERROR],
];

export function codeFromMessage(message: string): string {
  for (const [re, code] of MESSAGE_CODES) if (re.test(message)) return code;
  return PCSC.UNKNOWN;
}

export function toPcscError(error: unknown): PcscError {
  if (error instanceof PcscError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PcscError(codeFromMessage(message), message, { cause: error });
}

/** Failures that are not PC/SC codes: what the card itself did. */
const CARD_FAILURES: Record<string, { name: string; advice: string[] }> = {
  'card-removed': { name: 'Card removed', advice: ['The card was removed while it was being read. Insert it again (chip first, contacts up) and leave it in until the read finishes.'] },
  'hostile-card': {
    name: 'Card answered badly',
    advice: ['Remove the card and insert it again', 'Clean the gold contacts with a dry cloth', 'If it keeps happening, the card may be damaged: ask your ID card office (RAPIDS) for a replacement'],
  },
  'card-timeout': { name: 'Card did not answer', advice: ['Reseat the card (chip first, contacts up)', 'Try another reader, plugged in directly rather than through a hub or dock'] },
  'no-card': { name: 'No card', advice: ['Insert your CAC (chip first, contacts up for most readers)'] },
  'no-reader': { name: 'No reader', advice: ['Plug the reader in directly (not through a hub or dock)', 'Install the reader\'s CCID driver if it still is not found'] },
  'binding-missing': { name: 'Smart-card support not available', advice: ['This build cannot load its PC/SC library. Reinstall Sign-in Doctor.'] },
};

type AdvicePlatform = 'linux' | 'win32' | 'darwin';

/** Our own advice for the codes a CAC holder meets most. When present it REPLACES the catalog's
 * generic actions (they say the same thing less precisely), so no sentence is given twice. */
const OWN_ADVICE: Record<string, (platform: AdvicePlatform | undefined) => string[]> = {
  [PCSC.NO_SERVICE]: (p) => {
    if (p === 'linux') return ['Start pcscd with the "Restart the smart-card service" fix, or run `sudo systemctl start pcscd.socket pcscd`', 'Plug the reader in directly (not through a hub or dock)'];
    if (p === 'win32') return ['Plug the reader in: Windows starts the Smart Card service (SCardSvr) when a reader appears', 'If the reader is already plugged in, use the "Restart the smart-card service" fix'];
    if (p === 'darwin') return ['Unplug the reader and plug it back in: macOS starts its smart-card service (CryptoTokenKit) by itself'];
    return ['Plug the reader in (Windows starts the Smart Card service when a reader appears)', 'Linux: start pcscd (`sudo systemctl start pcscd.socket pcscd`)'];
  },
  [PCSC.SECURITY_VIOLATION]: () => ['Linux: polkit refused access to pcscd; ask IT to allow your user (org.debian.pcsc-lite.access_pcsc)'],
  [PCSC.UNRESPONSIVE]: () => ['Reseat the card: chip first, contacts up', 'Clean the gold contacts with a dry cloth'],
  [PCSC.SHARING_VIOLATION]: () => ['Close middleware that holds the card exclusively (ActivClient next to the built-in PIV driver, CACKey next to OpenSC in a browser)'],
};

/** Advice items as one paragraph: each a sentence, punctuation not doubled. */
export function adviceSentences(advice: readonly string[]): string {
  return advice.map((a) => (/[.!?]$/.test(a.trim()) ? a.trim() : `${a.trim()}.`)).join(' ');
}

export function describeFailure(code: string, message?: string, platform?: AdvicePlatform): PcscFailure {
  const card = CARD_FAILURES[code];
  if (card) return { code, name: card.name, message: message ?? card.name, advice: card.advice };
  const entry = findPcscEntry(code);
  const own = OWN_ADVICE[code]?.(platform);
  const advice = [...new Set(own ?? entry?.userActions ?? [])];
  return {
    code,
    name: entry?.name ?? 'PC/SC error',
    message: entry?.meaning ?? message ?? 'The smart card service reported an error.',
    advice: advice.length ? advice : ['Remove the card, reinsert it, and try again'],
  };
}

export function failureFromError(error: unknown, platform?: AdvicePlatform): PcscFailure {
  const e = toPcscError(error);
  if (e.code === PCSC.REMOVED || e.code === PCSC.RESET) return describeFailure('card-removed', 'The card was removed or reset while it was being read. Insert it again.');
  return describeFailure(e.code, e.message, platform);
}
