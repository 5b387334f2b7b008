// UI of the clock domain: extra screens and the card on the Checks screen.
import type { DomainUi } from './types';

export const clockUi: DomainUi = { domain: 'clock', label: 'Clock' };
