// The CAC screen in the navigation: the live CAC panel on its own.
import type { FC } from 'react';
import { CacPanel } from '../components/cac/CacPanel';
import { ErrorInContext } from '../components/verdict/ErrorInContext';

export const CacScreen: FC = () => (
  <>
    <h1 className="sr-only">Sign-in Doctor: CAC smart card</h1>
    <h2>CAC smart card</h2>
    <p className="lead">Is the reader seen, is the card in, are its certificates readable, valid and trusted? Events appear as they happen.</p>
    <ErrorInContext screen="cac" />
    <CacPanel />
  </>
);
