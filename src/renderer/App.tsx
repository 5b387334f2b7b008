// The shell: a navigation list of screens on the left, the current screen on the right, and a
// banner when the journal found a repair that a crash interrupted. The verdict (first in the list)
// and Explain are in the entry chunk, so the window shows it without a second request; every other screen (and
// every domain card) is its own chunk, loaded on first use under the Suspense boundary below.
import { Suspense, lazy, useEffect, useState, type FC } from 'react';
import { api } from './api';
import { InterruptedBanner } from './components/InterruptedBanner';
import { Loading } from './components/Loading';
import { DOMAIN_UIS } from './domains';
import type { ScreenDef } from './domains/types';
import { ErrorProvider } from './error-context';
import { ExplainScreen } from './screens/ExplainScreen';
import { VerdictScreen } from './screens/VerdictScreen';
import type { RunSummary } from '../shared/model';

const ChecksScreen = lazy(() => import('./screens/ChecksScreen').then((m) => ({ default: m.ChecksScreen })));
const HistoryScreen = lazy(() => import('./screens/HistoryScreen').then((m) => ({ default: m.HistoryScreen })));

const CORE_SCREENS: ScreenDef[] = [
  { id: 'verdict', label: 'Why can\'t I sign in?', component: VerdictScreen },
  { id: 'explain', label: 'Explain my error', component: ExplainScreen },
  { id: 'checks', label: 'Run checks', component: ChecksScreen },
];
const LAST_SCREENS: ScreenDef[] = [{ id: 'history', label: 'History', component: HistoryScreen }];

export const SCREENS: ScreenDef[] = [...CORE_SCREENS, ...DOMAIN_UIS.flatMap((d) => d.screens ?? []), ...LAST_SCREENS];

/** The screen shown on open: the verdict ("Why can't I sign in?"), first in the navigation. */
const OPEN_ON = SCREENS[0]!.id;

export const App: FC = () => {
  const [screenId, setScreenId] = useState(OPEN_ON);
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
    <ErrorProvider navigate={setScreenId}>
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
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
        {/* One boundary per screen (keyed): leaving a screen unmounts it at once, even while the next
            one's chunk loads (a shared boundary would keep it hidden, with its state, until then). */}
        <Suspense key={screen.id} fallback={<Loading />}>
          <Screen />
        </Suspense>
      </main>
    </div>
    </ErrorProvider>
  );
};
