// What the network benchmark drives: the PAC evaluator (worker thread or this thread), a full
// probe run, and the loopback peers the tests use (test CA, HTTPS endpoints, a silent server, a
// free port).
export { createPacEvaluator, runningPacWorkers, PAC_COMPILE_TIMEOUT_MS, PAC_EVAL_TIMEOUT_MS } from '../../../src/main/network/pac';
export { runNetworkProbe } from '../../../src/main/network/network-probe';
export { createEngineContext } from '../../../src/main/engine-context';
export { createTestCa } from '../../../test/support/test-ca';
export { startHttpsEndpoint, OPENID_PATH } from '../../../test/support/https-endpoint';
export { startSilentServer, freePort } from '../../../test/support/proxy';
