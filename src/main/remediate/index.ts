// The remediate domain: no checks, fixes or calls of its own. Its command runs the others' checks
// and the causes engine through the service, and applies the repairs a policy allows through the
// runner, without a person (see remediate-cli.ts).
import type { DomainModule } from '../engine/types';
import { runRemediate } from './remediate-cli';

export const remediateModule: DomainModule = { domain: 'remediate', checks: [], fixes: [], steps: [], handlers: () => ({}), commands: { remediate: runRemediate } };
