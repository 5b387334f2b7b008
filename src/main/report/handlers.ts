// IPC / harness handlers of the report domain (see src/shared/contract/report.ts).
import type { reportCalls } from '../../shared/contract/report';
import type { HandlerFactory } from '../service-types';

export const createReportHandlers: HandlerFactory<typeof reportCalls> = () => ({});
