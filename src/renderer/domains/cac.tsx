// UI of the cac domain: extra screens and the card on the Checks screen.
import type { DomainUi } from './types';

export const cacUi: DomainUi = { domain: 'cac', label: 'CAC' };
