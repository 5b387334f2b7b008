// Every domain this build knows. A domain brings its checks, fixes and step executors.
import type { DomainModule } from './engine/types';
import { explainModule } from './explain';
import { teamsModule } from './teams';
import { cacModule } from './cac';
import { clockModule } from './clock';
import { networkModule } from './network';
import { deviceModule } from './device';
import { reportModule } from './report';

export const ALL_DOMAINS: readonly DomainModule[] = [
  explainModule,
  teamsModule,
  cacModule,
  clockModule,
  networkModule,
  deviceModule,
  reportModule,
];
