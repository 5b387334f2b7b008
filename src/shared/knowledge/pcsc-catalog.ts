// PC/SC (smart card) errors, SCARD_E_/SCARD_F_/SCARD_P_/SCARD_W_ in 0x8010xxxx. Values are the
// standard winscard / pcsc-lite ones. What to tell the user follows our CAC/PIV notes.
import type { CatalogEntry } from '../contract/explain';
import { defineEntries, type EntryInput } from './define-entries';

const RETRY = 'Remove the card, reinsert it, and try again';
const RESTART_SERVICE = 'Restart the Smart Card service (Windows) or pcscd (Linux/macOS)';
const APP_BUG = 'Report it to the vendor of the app or middleware that showed it';

// Short rows keep this table readable; fixer defaults to 'user' and checks to ['cac'].
type Row = [code: string, name: string, meaning: string, userActions: string[], extra?: Partial<EntryInput>];

const rows: Row[] = [
  ['80100001', 'SCARD_F_INTERNAL_ERROR', 'The smart card service hit an internal consistency error.', [RESTART_SERVICE, RETRY]],
  ['80100002', 'SCARD_E_CANCELLED', 'The smart card operation was cancelled.', ['Try the operation again']],
  ['80100003', 'SCARD_E_INVALID_HANDLE', 'The app used a smart card connection that no longer exists.', [RETRY], { fixer: 'both', adminActions: [APP_BUG] }],
  ['80100004', 'SCARD_E_INVALID_PARAMETER', 'The app passed an invalid parameter to the smart card service.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['80100005', 'SCARD_E_INVALID_TARGET', 'The smart card service found invalid registry or startup information.', [RESTART_SERVICE], { fixer: 'admin', adminActions: ['Reinstall the reader driver or smart card middleware'] }],
  ['80100006', 'SCARD_E_NO_MEMORY', 'Not enough memory was available for the smart card operation.', ['Close other programs and try again']],
  ['80100007', 'SCARD_F_WAITED_TOO_LONG', 'An internal wait in the smart card service took too long.', [RETRY, RESTART_SERVICE]],
  ['80100008', 'SCARD_E_INSUFFICIENT_BUFFER', 'The app\'s buffer was too small for the card\'s answer.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['80100009', 'SCARD_E_UNKNOWN_READER', 'The app asked for a card reader that does not exist (it may have been unplugged).', ['Plug the reader back in, or choose the right reader', RETRY]],
  ['8010000A', 'SCARD_E_TIMEOUT', 'The smart card operation timed out.', [RETRY]],
  ['8010000B', 'SCARD_E_SHARING_VIOLATION', 'Another program is holding the card exclusively, so this one cannot use it.', ['Close other programs that use the card (middleware tools, other browsers), then try again']],
  ['8010000C', 'SCARD_E_NO_SMARTCARD', 'There is no card in the reader.', ['Insert your card (chip first, contacts up for most readers)']],
  ['8010000D', 'SCARD_E_UNKNOWN_CARD', 'The card in the reader is not a type the software recognizes.', ['Check that you inserted the right card'], { fixer: 'both', adminActions: ['Check that the right middleware (PIV/CAC) is installed'] }],
  ['8010000E', 'SCARD_E_CANT_DISPOSE', 'The reader could not do what was asked with the card (for example eject it).', [RETRY]],
  ['8010000F', 'SCARD_E_PROTO_MISMATCH', 'The card and the app do not share a communication protocol.', [RETRY], { fixer: 'both', adminActions: ['Update the reader driver and middleware'] }],
  ['80100010', 'SCARD_E_NOT_READY', 'The reader or card is not ready yet.', ['Wait a moment after inserting the card, then try again']],
  ['80100011', 'SCARD_E_INVALID_VALUE', 'A value the app passed could not be used.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['80100012', 'SCARD_E_SYSTEM_CANCELLED', 'The system cancelled the operation, for example because of sign-out or shutdown.', ['Try again after signing back in']],
  ['80100013', 'SCARD_F_COMM_ERROR', 'An internal communication error happened in the smart card service.', [RESTART_SERVICE, RETRY]],
  ['80100014', 'SCARD_F_UNKNOWN_ERROR', 'An internal error of unknown origin happened in the smart card service.', [RESTART_SERVICE, RETRY]],
  ['80100015', 'SCARD_E_INVALID_ATR', 'The card\'s identification (ATR) from the registry is not valid.', [RETRY], { fixer: 'admin', adminActions: ['Check the smart card registration in the registry or middleware'] }],
  ['80100016', 'SCARD_E_NOT_TRANSACTED', 'The app tried to end a card transaction that did not exist.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['80100017', 'SCARD_E_READER_UNAVAILABLE', 'The reader is not available right now (unplugged or in use).', ['Plug the reader in directly (not through a hub) and try again']],
  ['80100018', 'SCARD_P_SHUTDOWN', 'The operation stopped because the smart card service is shutting down.', [RESTART_SERVICE]],
  ['80100019', 'SCARD_E_PCI_TOO_SMALL', 'The app\'s protocol buffer was too small.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['8010001A', 'SCARD_E_READER_UNSUPPORTED', 'The reader driver does not meet the system\'s requirements.', ['Try another reader'], { fixer: 'both', adminActions: ['Install a CCID-compliant driver for the reader'] }],
  ['8010001B', 'SCARD_E_DUPLICATE_READER', 'The reader driver did not produce a unique reader name.', ['Unplug extra readers and try again'], { fixer: 'both', adminActions: ['Update the reader driver'] }],
  ['8010001C', 'SCARD_E_CARD_UNSUPPORTED', 'The card does not meet the minimum requirements of the software.', ['Check that you inserted the right card'], { fixer: 'both', adminActions: ['Check the middleware supports this card type'] }],
  ['8010001D', 'SCARD_E_NO_SERVICE', 'The smart card service is not running. Windows stops it when no reader is attached; on Linux pcscd may be stopped.', ['Plug the reader in (Windows starts the service when a reader appears)', 'Start the Smart Card service (Windows) or pcscd (Linux/macOS)']],
  ['8010001E', 'SCARD_E_SERVICE_STOPPED', 'The smart card service stopped, or the app\'s PC/SC library does not match the running service (common with sandboxed app packages).', [RESTART_SERVICE, 'Use the system version of the app or pcscd instead of a sandboxed package']],
  ['8010001F', 'SCARD_E_UNEXPECTED', 'An unexpected smart card error happened.', [RETRY]],
  ['80100020', 'SCARD_E_ICC_INSTALLATION', 'No primary provider for the card could be found.', [RETRY], { fixer: 'admin', adminActions: ['Install or repair the smart card middleware'] }],
  ['80100021', 'SCARD_E_ICC_CREATEORDER', 'The requested order of object creation is not supported.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['80100022', 'SCARD_E_UNSUPPORTED_FEATURE', 'The card or reader does not support the requested feature.', ['Try another reader'], { fixer: 'both', adminActions: ['Check the reader and middleware versions'] }],
  ['80100023', 'SCARD_E_DIR_NOT_FOUND', 'A directory requested on the card does not exist.', [RETRY], { fixer: 'admin', adminActions: ['Check that the middleware matches the card type'] }],
  ['80100024', 'SCARD_E_FILE_NOT_FOUND', 'A file requested on the card does not exist.', [RETRY], { fixer: 'admin', adminActions: ['Check that the middleware matches the card type'] }],
  ['80100025', 'SCARD_E_NO_DIR', 'The path on the card is not a directory.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['80100026', 'SCARD_E_NO_FILE', 'The path on the card is not a file.', [RETRY], { fixer: 'admin', adminActions: [APP_BUG] }],
  ['80100027', 'SCARD_E_NO_ACCESS', 'Access to the file on the card was denied.', ['Enter your PIN when asked']],
  ['80100028', 'SCARD_E_WRITE_TOO_MANY', 'The card has no room left for what the app tried to write.', [], { fixer: 'admin', adminActions: ['Replace or reissue the card'] }],
  ['80100029', 'SCARD_E_BAD_SEEK', 'Setting the file position on the card failed.', [RETRY]],
  ['8010002A', 'SCARD_E_INVALID_CHV', 'The PIN entered is wrong.', ['Enter your PIN carefully; too many wrong tries will block the card']],
  ['8010002B', 'SCARD_E_UNKNOWN_RES_MNG', 'An unrecognized error code came back from a smart card service layer.', [RESTART_SERVICE, RETRY]],
  ['8010002C', 'SCARD_E_NO_SUCH_CERTIFICATE', 'The requested certificate is not on the card.', ['Check that you are using your current card'], { fixer: 'both', adminActions: ['Check which certificate slot the app expects'] }],
  ['8010002D', 'SCARD_E_CERTIFICATE_UNAVAILABLE', 'The requested certificate could not be read from the card.', [RETRY]],
  ['8010002E', 'SCARD_E_NO_READERS_AVAILABLE', 'No smart card reader was found.', ['Plug the reader in directly, not through a hub or dock', 'Install the reader\'s CCID driver if it still is not found']],
  ['8010002F', 'SCARD_E_COMM_DATA_LOST', 'Data was lost while talking to the card; the operation may be repeated.', [RETRY]],
  ['80100030', 'SCARD_E_NO_KEY_CONTAINER', 'The requested key container is not on the card.', ['Check that you are using your current card'], { fixer: 'both', adminActions: ['Check the middleware configuration'] }],
  ['80100031', 'SCARD_E_SERVER_TOO_BUSY', 'The smart card service is too busy to finish this operation.', ['Wait a moment and try again']],
  ['80100032', 'SCARD_E_PIN_CACHE_EXPIRED', 'The remembered PIN has expired.', ['Enter your PIN again']],
  ['80100033', 'SCARD_E_NO_PIN_CACHE', 'The PIN was not remembered and cannot be used silently.', ['Enter your PIN when asked']],
  ['80100034', 'SCARD_E_READ_ONLY_CARD', 'The card is read-only and cannot be written to.', [], { fixer: 'admin', adminActions: ['Use the card issuer\'s tools for any card update'] }],
  ['80100065', 'SCARD_W_UNSUPPORTED_CARD', 'The reader cannot talk to this card because of an ATR configuration conflict.', ['Try another reader'], { fixer: 'both', adminActions: ['Update the reader driver'] }],
  ['80100066', 'SCARD_W_UNRESPONSIVE_CARD', 'The card is not responding ("mute card").', ['Reseat the card with the chip facing the right way', 'Clean the chip contacts gently and try again', 'Try another reader; if it still fails, the card may need replacing']],
  ['80100067', 'SCARD_W_UNPOWERED_CARD', 'The card is not powered, so it cannot communicate.', [RETRY]],
  ['80100068', 'SCARD_W_RESET_CARD', 'The card was reset by another program, so its state was lost.', ['Try the operation again']],
  ['80100069', 'SCARD_W_REMOVED_CARD', 'The card was removed during the operation.', ['Reinsert the card and try again']],
  ['8010006A', 'SCARD_W_SECURITY_VIOLATION', 'Access to the card was refused for security reasons (on Linux, usually a polkit rule for pcscd).', ['Ask your administrator to allow your account to use the card reader'], { fixer: 'admin', adminActions: ['On Linux, add a polkit rule allowing the user to access pcscd and the card'] }],
  ['8010006B', 'SCARD_W_WRONG_CHV', 'The PIN entered for the card is wrong.', ['Enter your PIN carefully; too many wrong tries will block the card']],
  ['8010006C', 'SCARD_W_CHV_BLOCKED', 'The card is blocked after too many wrong PINs.', ['Do not keep trying; take the card to your card office or IT to unblock it'], { fixer: 'admin', adminActions: ['Unblock or reissue the card with the issuer\'s tools'] }],
  ['8010006D', 'SCARD_W_EOF', 'The end of a file on the card was reached.', [RETRY]],
  ['8010006E', 'SCARD_W_CANCELLED_BY_USER', 'The PIN or card prompt was cancelled.', ['Try again and complete the prompt']],
  ['8010006F', 'SCARD_W_CARD_NOT_AUTHENTICATED', 'No PIN was presented to the card.', ['Enter your PIN when asked']],
  ['80100070', 'SCARD_W_CACHE_ITEM_NOT_FOUND', 'A requested item was not in the smart card cache.', [RETRY]],
  ['80100071', 'SCARD_W_CACHE_ITEM_STALE', 'A requested item in the smart card cache was out of date.', [RETRY]],
  ['80100072', 'SCARD_W_CACHE_ITEM_TOO_BIG', 'An item was too big for the smart card cache.', [RETRY]],
];

export const PCSC_CATALOG: CatalogEntry[] = defineEntries(
  'pcsc',
  rows.map(([code, name, meaning, userActions, extra]) => ({
    code,
    name,
    meaning,
    fixer: 'user' as const,
    userActions,
    relatedChecks: ['cac'],
    ...extra,
  })),
);

/** Fallback for any 0x8010xxxx code not in the table: FACILITY_SCARD. */
export const PCSC_RANGE: CatalogEntry = {
  family: 'pcsc',
  code: '8010',
  name: 'SCARD error (0x8010xxxx)',
  meaning: 'A smart card (PC/SC) error from the card reader stack.',
  fixer: 'both',
  userActions: [RETRY, 'Plug the reader in directly and try again'],
  adminActions: ['Check the reader driver, the smart card service and the middleware'],
  wontHelp: [],
  conditions: [],
  relatedChecks: ['cac'],
  relatedFixes: [],
  rangeOnly: true,
};

const byCode = new Map(PCSC_CATALOG.map((e) => [e.code, e]));

/** The PC/SC range entry for a code of the range (0x8010xxxx), undefined for any other. */
export function pcscRangeEntry(code: string): CatalogEntry | undefined {
  return /^8010[0-9A-F]{4}$/.test(code) ? PCSC_RANGE : undefined;
}

/**
 * A PC/SC code's entry, exact or of the range (marked rangeOnly), without loading the other
 * catalogs: the PC/SC worker thread needs only this one.
 */
export function findPcscEntry(code: string): CatalogEntry | undefined {
  const exact = byCode.get(code);
  if (exact) return exact;
  const range = pcscRangeEntry(code);
  return range ? { ...range, code, rangeOnly: true } : undefined;
}
