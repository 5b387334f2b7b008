// The shell: a navigation list of screens on the left, the current screen on the right, and a
// banner when the journal found a repair that a crash interrupted.
import { useEffect, useState, type FC } from 'react';
import { api } from './api';
import { InterruptedBanner } from './components/InterruptedBanner';
import { DOMAIN_UIS } from './domains';
import type { ScreenDef } from './domains/types';
import { ChecksScreen } from './screens/ChecksScreen';
import { ExplainScreen } from './screens/ExplainScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import type { RunSummary } from '../shared/model';

const CORE_SCREENS: ScreenDef[] = [
  { id: 'explain', label: 'Explain my error', component: ExplainScreen },
  { id: 'checks', label: 'Run checks', component: ChecksScreen },
];
const LAST_SCREENS: ScreenDef[] = [{ id: 'history', label: 'History', component: HistoryScreen }];

export const SCREENS: ScreenDef[] = [...CORE_SCREENS, ...DOMAIN_UIS.flatMap((d) => d.screens ?? []), ...LAST_SCREENS];

export const App: FC = () => {
  const [screenId, setScreenId] = useState(SCREENS[0]!.id);
  const [interrupted, setInterrupted] = useState<RunSummary[]>([]);
  const [version, setVersion] = useState('');

  useEffect(() => {
    api.call('app.info', {}).then(
      (info) => {
        setInterrupted(info.interrupted);
        setVersion(info.version);
      },
      () => undefined,
    );
  }, []);

  const screen = SCREENS.find((s) => s.id === screenId) ?? SCREENS[0]!;
  const Screen = screen.component;
  return (
    <div className="shell">
      <nav className="nav" aria-label="Sections">
        <div className="brand">
          <span className="brand-name">Sign-in Doctor</span>
          {version && <span className="brand-version">v{version}</span>}
        </div>
        <ul>
          {SCREENS.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === screen.id ? 'nav-item active' : 'nav-item'}
                aria-current={s.id === screen.id ? 'page' : undefined}
                onClick={() => setScreenId(s.id)}
              >
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main">
        {interrupted.length > 0 && <InterruptedBanner runs={interrupted} onResolved={(runId) => setInterrupted((r) => r.filter((x) => x.runId !== runId))} />}
        <Screen />
      </main>
    </div>
  );
};
