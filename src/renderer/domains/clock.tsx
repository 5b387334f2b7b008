// UI of the clock domain: the Clock card on the Checks screen.
import { ClockCard } from '../components/ClockCard';
import type { DomainUi } from './types';

export const clockUi: DomainUi = { domain: 'clock', label: 'Clock', Card: ClockCard };
