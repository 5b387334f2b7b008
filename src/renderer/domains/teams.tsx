// UI of the teams domain: extra screens and the card on the Checks screen.
import type { DomainUi } from './types';

export const teamsUi: DomainUi = { domain: 'teams', label: 'Teams' };
