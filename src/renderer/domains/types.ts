// How a domain adds to the UI without touching App.tsx: extra screens in the navigation, and a
// card shown above its findings on the Checks screen.
import type { FC } from 'react';
import type { Domain, Finding } from '../../shared/model';

export interface ScreenDef {
  id: string;
  label: string;
  component: FC;
}

export interface DomainCardProps {
  findings: Finding[];
  /** Opens the plan preview for a fix (plan -> apply -> verify, with progress). */
  onFix(fixId: string, options?: Record<string, string | number | boolean>): void;
}

export interface DomainUi {
  domain: Domain;
  label: string;
  screens?: ScreenDef[];
  Card?: FC<DomainCardProps>;
}
