// What the clock benchmark needs, bundled by esbuild: the codec, the client and the loopback peers.
export { decodeReply, encodeRequest } from '../../../src/main/clock/sntp-packet';
export { measureClock } from '../../../src/main/clock/measure';
export { startChrony, startScriptedNtp, serverReply, chronyAvailable } from '../../../test/support/ntp-server';
