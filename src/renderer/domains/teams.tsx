// UI of the teams domain: the Teams card on the Checks screen (clients, running state, cache size,
// last sign-in error, Clear cache and the official Reset).
import { TeamsCard } from '../components/TeamsCard';
import type { DomainUi } from './types';

export const teamsUi: DomainUi = { domain: 'teams', label: 'Teams', Card: TeamsCard };
