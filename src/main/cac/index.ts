// The cac domain: its checks, fixes, step executors, calls and CLI commands (loaded on first use).
import type { DomainModule } from '../engine/types';
import { runCac } from './cac-cli';
import { createCacHandlers } from './handlers';
import { cacChecks } from './cac-checks';
import { importRootsFix, keychainAddRootStep, nssAddRootStep, nssCreateDbStep } from './import-roots-fix';
import { restartServiceFix, restartServiceStep } from './restart-service-fix';
import { appPcscPort } from './pcsc-worker-port';

export const cacModule: DomainModule = {
  domain: 'cac',
  checks: cacChecks(appPcscPort),
  fixes: [restartServiceFix(appPcscPort), importRootsFix],
  steps: [restartServiceStep, nssCreateDbStep, nssAddRootStep, keychainAddRootStep],
  handlers: createCacHandlers,
  commands: { cac: runCac },
};
