// UI of the clock domain: the Clock card on the Checks screen (loaded on first use).
import { lazy } from 'react';
import type { DomainUi } from './types';

const loadCard = () => import('../components/ClockCard');
const ClockCard = lazy(() => loadCard().then((m) => ({ default: m.ClockCard })));

export const clockUi: DomainUi = { domain: 'clock', label: 'Clock', Card: ClockCard, preloadCard: () => void loadCard() };
