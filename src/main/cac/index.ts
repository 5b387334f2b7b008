// The cac domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';
import { cacChecks } from './cac-checks';
import { importRootsFix, keychainAddRootStep, nssAddRootStep, nssCreateDbStep } from './import-roots-fix';
import { restartServiceFix, restartServiceStep } from './restart-service-fix';
import { appPcscPort } from './pcsc-worker-port';

export const cacModule: DomainModule = {
  domain: 'cac',
  checks: cacChecks(appPcscPort),
  fixes: [restartServiceFix(appPcscPort), importRootsFix],
  steps: [restartServiceStep, nssCreateDbStep, nssAddRootStep, keychainAddRootStep],
};
