// UI of the report domain: the "Get help from IT" screen (message + support bundle, previewed
// first), loaded on first use.
import { lazy } from 'react';
import type { DomainUi } from './types';

const ReportHelpScreen = lazy(() => import('../screens/ReportHelpScreen').then((m) => ({ default: m.ReportHelpScreen })));

export const reportUi: DomainUi = { domain: 'report', label: 'Report', screens: [{ id: 'report', label: 'Get help from IT', component: ReportHelpScreen }] };
