// What scripts/bench/cac.mjs measures, bundled by esbuild: the card parsers, a full card read
// over pcscd + vpcd with the virtual PIV card, and the test peers that make that possible.
export { parseTlvs, parseOuter, encodeTlv } from '../../../src/main/cac/tlv';
export { parseCertObject } from '../../../src/main/cac/piv-reader';
export { certFacts, CertParseError } from '../../../src/main/cac/cac-certificate';
export { readCardOutcome } from '../../../src/main/cac/card-service';
export { smartcardPort } from '../../../src/main/cac/smartcard-binding';
export { createEngineContext } from '../../../src/main/engine-context';
export { startPcscd, pcscdAvailable } from '../../../test/support/pcscd';
export { VirtualPivCard, buildObjects, createTestPki, VPCD_READER } from '../../../test/support/virtual-piv-card';
