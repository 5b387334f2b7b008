// UI of the device domain: the Device card on the Checks screen and the Token inspector screen.
import { DeviceCard } from '../components/DeviceCard';
import { TokenInspector } from '../components/TokenInspector';
import type { DomainUi } from './types';

export const deviceUi: DomainUi = {
  domain: 'device',
  label: 'Device',
  Card: DeviceCard,
  screens: [{ id: 'token', label: 'Token inspector', component: TokenInspector }],
};
