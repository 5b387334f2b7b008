// UI of the report domain: extra screens and the card on the Checks screen.
import type { DomainUi } from './types';

export const reportUi: DomainUi = { domain: 'report', label: 'Report' };
