// The measured clock offset, read one way everywhere (token inspector, Message for IT, causes):
// clock.skew's typed offsetMs. True time = local time + offsetMs.
import type { Finding } from '../model';
import { firstWith } from './findings';

export function clockOffsetMs(findings: readonly Finding[]): number | undefined {
  return firstWith(findings, 'clock.skew')?.evidence.offsetMs;
}
