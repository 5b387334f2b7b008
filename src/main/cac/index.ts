// The cac domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';
import { cacChecks } from './cac-checks';
import { importRootsFix, keychainAddRootStep, nssAddRootStep, nssCreateDbStep } from './import-roots-fix';
import { restartServiceFix, restartServiceStep } from './restart-service-fix';
import { smartcardPort } from './smartcard-binding';

export const cacModule: DomainModule = {
  domain: 'cac',
  checks: cacChecks(smartcardPort),
  fixes: [restartServiceFix(smartcardPort), importRootsFix],
  steps: [restartServiceStep, nssCreateDbStep, nssAddRootStep, keychainAddRootStep],
};
