// UI of the network domain: the Network card on the Checks screen.
import { NetworkCard } from '../components/NetworkCard';
import type { DomainUi } from './types';

export const networkUi: DomainUi = { domain: 'network', label: 'Network', Card: NetworkCard };
