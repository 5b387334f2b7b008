// UI of the cac domain: the CAC card on the Checks screen and the CAC screen (live reader and
// card state, certificates, guided reinsert, DoD root import).
import { CacCard, CacScreen } from '../components/CacPanel';
import type { DomainUi } from './types';

export const cacUi: DomainUi = { domain: 'cac', label: 'CAC', Card: CacCard, screens: [{ id: 'cac', label: 'CAC smart card', component: CacScreen }] };
