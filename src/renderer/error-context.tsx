// The error belongs to the whole app: the text the user pasted, or the error the verdict found in
// the Teams logs (codes and IDs only). Held in React state, in memory: never in localStorage,
// sessionStorage or IndexedDB, so nothing is kept after the window closes. Screens read it to
// prefill their paste box, so the user never pastes twice. Also: how a screen moves to another.
import { createContext, useContext, useMemo, useState, type FC, type ReactNode } from 'react';
import type { DiagnosisError } from '../shared/contract/diagnosis';

export interface SharedError {
  /** What the user pasted, or the found error written as codes and IDs. */
  text: string;
  /** The error the verdict found or read (codes, IDs, source). */
  found?: DiagnosisError;
  setText(text: string): void;
  setFound(error: DiagnosisError | undefined): void;
}

const NOOP_ERROR: SharedError = { text: '', setText: () => undefined, setFound: () => undefined };
const ErrorContext = createContext<SharedError>(NOOP_ERROR);
const NavigateContext = createContext<(screenId: string) => void>(() => undefined);

/** The found error as text another screen can read (codes and troubleshooting IDs, nothing secret). */
export function errorAsText(error: DiagnosisError): string {
  const lines = error.codes.map((c) => c.display);
  if (error.correlationId) lines.push(`Correlation Id: ${error.correlationId}`);
  if (error.requestId) lines.push(`Request Id: ${error.requestId}`);
  if (error.timestamp) lines.push(`Timestamp: ${error.timestamp}`);
  if (error.appName) lines.push(`App name: ${error.appName}`);
  if (error.deviceId) lines.push(`Device identifier: ${error.deviceId}`);
  if (error.devicePlatform) lines.push(`Device platform: ${error.devicePlatform}`);
  if (error.deviceState) lines.push(`Device state: ${error.deviceState}`);
  return lines.join('\n');
}

export const ErrorProvider: FC<{ children: ReactNode; navigate?: (screenId: string) => void }> = ({ children, navigate }) => {
  const [text, setText] = useState('');
  const [found, setFoundState] = useState<DiagnosisError>();
  const value = useMemo<SharedError>(
    () => ({
      text,
      ...(found ? { found } : {}),
      setText,
      setFound: (error) => {
        setFoundState(error);
        // A found (not pasted) error becomes the text the other screens prefill with.
        if (error && error.source.kind === 'teams-log') setText((t) => (t.trim() ? t : errorAsText(error)));
      },
    }),
    [text, found],
  );
  return (
    <NavigateContext.Provider value={navigate ?? (() => undefined)}>
      <ErrorContext.Provider value={value}>{children}</ErrorContext.Provider>
    </NavigateContext.Provider>
  );
};

export const useSharedError = (): SharedError => useContext(ErrorContext);
export const useNavigate = (): ((screenId: string) => void) => useContext(NavigateContext);
