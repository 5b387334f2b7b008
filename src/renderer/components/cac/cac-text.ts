// The CAC panel's words: reader events, service states, reinsert steps and certificate expiry.
import type { CacEvent, CacStatus, ReinsertEvent } from '../../../shared/contract/cac';

export const EVENT_TEXT: Record<CacEvent['type'], string> = {
  'reader-attached': 'Reader attached',
  'reader-detached': 'Reader detached',
  'card-inserted': 'Card inserted',
  'card-removed': 'Card removed',
  'service-lost': 'Smart card service stopped',
  'service-back': 'Smart card service is back',
};

export const SERVICE_TEXT: Record<CacStatus['service'], string> = {
  unknown: 'checking…',
  running: 'running',
  'not-running': 'not running',
  unavailable: 'not available',
};

export const FLOW_TITLE: Record<ReinsertEvent['step'], string> = {
  remove: 'Step 1 of 3: remove your card',
  insert: 'Step 2 of 3: insert your card',
  reading: 'Step 3 of 3: reading',
  done: 'Done',
  failed: 'Stopped',
  cancelled: 'Cancelled',
};

export function expiryText(days: number): string {
  if (days < 0) return `expired ${-days} day(s) ago`;
  if (days === 0) return 'expires today';
  return `expires in ${days} day(s)`;
}
