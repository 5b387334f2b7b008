// How a domain adds to the UI without touching App.tsx: extra screens in the navigation, and a
// card shown above its findings on the Checks screen. Both are React.lazy components (each its own
// chunk, loaded on first use), rendered under a Suspense boundary by App and the Checks screen.
import type { FC } from 'react';
import type { FixId, FixOptionsInput } from '../../shared/contract/fixes';
import type { Domain, Finding } from '../../shared/model';

/** Opens the plan preview for a fix; its options are typed by the fix id (contract/<domain>.ts). */
export type OpenFix = <F extends FixId>(fixId: F, options?: FixOptionsInput<F>) => void;

export interface ScreenDef {
  id: string;
  label: string;
  component: FC;
}

export interface DomainCardProps {
  findings: Finding[];
  /** Opens the plan preview for a fix (plan -> apply -> verify, with progress). */
  onFix: OpenFix;
}

export interface DomainUi {
  domain: Domain;
  label: string;
  screens?: ScreenDef[];
  Card?: FC<DomainCardProps>;
  /** Starts loading the card's chunk (the Checks screen calls it on open, so no card waits for it after the checks). */
  preloadCard?: () => void;
}
