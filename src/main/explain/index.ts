// The explain domain: no machine checks, one fix (save a note for IT), its calls and its command.
// The text engine itself is in src/main/common/explain/ (the teams log scan and the report use it too).
import type { DomainModule } from '../engine/types';
import { runExplain } from './explain-cli';
import { createExplainHandlers } from './handlers';
import { saveNoteFix } from './save-note-fix';

export const explainModule: DomainModule = {
  domain: 'explain',
  checks: [],
  fixes: [saveNoteFix],
  steps: [],
  handlers: createExplainHandlers,
  commands: { explain: runExplain },
};
