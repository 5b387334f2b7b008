// The CAC card on the Checks screen, under the cac findings.
import type { FC } from 'react';
import type { DomainCardProps } from '../../domains/types';
import { CacPanel } from './CacPanel';

export const CacCard: FC<DomainCardProps> = ({ findings, onFix }) => <CacPanel findings={findings} onFix={onFix} />;
