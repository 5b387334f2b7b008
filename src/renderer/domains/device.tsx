// UI of the device domain: extra screens and the card on the Checks screen.
import type { DomainUi } from './types';

export const deviceUi: DomainUi = { domain: 'device', label: 'Device' };
