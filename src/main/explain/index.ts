// The explain domain: no machine checks, one fix (save a note for IT).
import type { DomainModule } from '../engine/types';
import { saveNoteFix } from './save-note-fix';

export const explainModule: DomainModule = { domain: 'explain', checks: [], fixes: [saveNoteFix], steps: [] };
