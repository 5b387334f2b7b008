// Handlers of the explain calls.
import type { explainCalls } from '../../shared/contract/explain';
import type { HandlerFactory } from '../engine/types';
import { explainText } from '../common/explain/explain-text';
import { lookupCode } from './lookup';

export const createExplainHandlers: HandlerFactory<typeof explainCalls> = () => ({
  'explain.text': async ({ text }) => explainText(text),
  'explain.lookup': async ({ code }) => ({ found: lookupCode(code) }),
});
