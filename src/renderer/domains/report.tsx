// UI of the report domain: the "Get help from IT" screen (message + support bundle, previewed first).
import { ReportHelpScreen } from '../components/ReportHelpScreen';
import type { DomainUi } from './types';

export const reportUi: DomainUi = { domain: 'report', label: 'Report', screens: [{ id: 'report', label: 'Get help from IT', component: ReportHelpScreen }] };
