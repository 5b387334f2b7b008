// UI of the teams domain: the Teams card on the Checks screen (clients, running state, cache size,
// last sign-in error, Clear cache and the official Reset), loaded on first use.
import { lazy } from 'react';
import type { DomainUi } from './types';

const loadCard = () => import('../components/teams/TeamsCard');
const TeamsCard = lazy(() => loadCard().then((m) => ({ default: m.TeamsCard })));

export const teamsUi: DomainUi = { domain: 'teams', label: 'Teams', Card: TeamsCard, preloadCard: () => void loadCard() };
