// UI of the device domain: the Device card on the Checks screen and the Token inspector screen
// (each loaded on first use).
import { lazy } from 'react';
import type { DomainUi } from './types';

const loadCard = () => import('../components/DeviceCard');
const DeviceCard = lazy(() => loadCard().then((m) => ({ default: m.DeviceCard })));
const TokenInspectorScreen = lazy(() => import('../screens/TokenInspectorScreen').then((m) => ({ default: m.TokenInspectorScreen })));

export const deviceUi: DomainUi = {
  domain: 'device',
  label: 'Device',
  Card: DeviceCard,
  preloadCard: () => void loadCard(),
  screens: [{ id: 'token', label: 'Token inspector', component: TokenInspectorScreen }],
};
