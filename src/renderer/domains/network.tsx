// UI of the network domain: extra screens and the card on the Checks screen.
import type { DomainUi } from './types';

export const networkUi: DomainUi = { domain: 'network', label: 'Network' };
