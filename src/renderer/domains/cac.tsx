// UI of the cac domain: the CAC card on the Checks screen and the CAC screen (live reader and
// card state, certificates, guided reinsert, DoD root import). Both load on first use.
import { lazy } from 'react';
import type { DomainUi } from './types';

const CacCard = lazy(() => import('../components/cac/CacCard').then((m) => ({ default: m.CacCard })));
const CacScreen = lazy(() => import('../screens/CacScreen').then((m) => ({ default: m.CacScreen })));

export const cacUi: DomainUi = { domain: 'cac', label: 'CAC', Card: CacCard, screens: [{ id: 'cac', label: 'CAC smart card', component: CacScreen }] };
