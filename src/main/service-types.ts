// Types of the service's own (core) handlers. A domain's handlers see DomainDeps (engine/types.ts):
// the core ones also get the runner, which needs every domain's fixes and steps.
import type { Runner } from './engine/runner';
import type { DomainDeps } from './engine/types';

export type { DomainDeps, HandlerFactory, HandlerTable, HostPorts } from './engine/types';

export interface ServiceDeps extends DomainDeps {
  /** Loads every domain (their fixes and steps) on first use and builds the one runner. */
  runner(): Promise<Runner>;
}
