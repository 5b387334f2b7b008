import type { DomainUi } from './types';
import { teamsUi } from './teams';
import { cacUi } from './cac';
import { clockUi } from './clock';
import { networkUi } from './network';
import { deviceUi } from './device';
import { reportUi } from './report';

export const DOMAIN_UIS: readonly DomainUi[] = [teamsUi, cacUi, clockUi, networkUi, deviceUi, reportUi];
