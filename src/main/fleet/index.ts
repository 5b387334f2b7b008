// The fleet domain: no checks, fixes or calls of its own. Its one command reads files other
// machines wrote (diagnose --json, remediate --json, report.json) and summarizes them; it never
// looks at this machine, so it needs nothing of the service.
import type { DomainModule } from '../engine/types';
import { runFleet } from './fleet-cli';

export const fleetModule: DomainModule = { domain: 'fleet', checks: [], fixes: [], steps: [], handlers: () => ({}), commands: { fleet: runFleet } };
