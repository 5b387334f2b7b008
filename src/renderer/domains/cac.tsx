// UI of the cac domain: the CAC card on the Checks screen and the CAC screen (live reader and
// card state, certificates, guided reinsert, DoD root import). Both load on first use.
import { lazy } from 'react';
import type { DomainUi } from './types';

const loadCard = () => import('../components/cac/CacCard');
const CacCard = lazy(() => loadCard().then((m) => ({ default: m.CacCard })));
const CacScreen = lazy(() => import('../screens/CacScreen').then((m) => ({ default: m.CacScreen })));

export const cacUi: DomainUi = { domain: 'cac', label: 'CAC', Card: CacCard, preloadCard: () => void loadCard(), screens: [{ id: 'cac', label: 'CAC smart card', component: CacScreen }] };
