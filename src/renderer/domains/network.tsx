// UI of the network domain: the Network card on the Checks screen (loaded on first use).
import { lazy } from 'react';
import type { DomainUi } from './types';

const loadCard = () => import('../components/network/NetworkCard');
const NetworkCard = lazy(() => loadCard().then((m) => ({ default: m.NetworkCard })));

export const networkUi: DomainUi = { domain: 'network', label: 'Network', Card: NetworkCard, preloadCard: () => void loadCard() };
