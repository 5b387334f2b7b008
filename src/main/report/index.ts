// The report domain: no checks or fixes of its own. It runs the others' checks and turns their
// findings into the message for IT and the support bundle (see handlers.ts).
import type { DomainModule } from '../engine/types';
import { runReport } from './report-cli';
import { createReportHandlers } from './handlers';

export const reportModule: DomainModule = { domain: 'report', checks: [], fixes: [], steps: [], handlers: createReportHandlers, commands: { report: runReport } };
