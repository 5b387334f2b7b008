// The remediate --json document (src/shared/contract/remediate.ts), read leniently: the device
// (name, platform, OS as one string), its problems (warn and fail findings with id and title: the
// document does not list the others), the newest error and the causes. When that document changes,
// this is the one module to adapt.
import { z } from 'zod';
import { sharedFacts, type MachineFacts } from './machine-record';
import { safeText } from './safe-text';

const PLATFORM: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

const RemediateShape = z.object({
  generatedAt: z.unknown().optional(),
  device: z.object({ name: z.unknown().optional(), platform: z.unknown().optional(), os: z.unknown().optional() }).partial().optional(),
  findings: z.object({ problems: z.array(z.unknown()) }).optional(),
  error: z.unknown().optional(),
  causes: z.unknown().optional(),
});

export function readRemediate(doc: Record<string, unknown>, newer: boolean): MachineFacts | { wrongShape: string } {
  // A newer version may have moved or retyped a field: what no longer fits is left out, not fatal.
  const fits = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const findingsFit = fits(doc.findings) && Array.isArray((doc.findings as { problems?: unknown }).problems);
  const input = newer ? { ...doc, device: fits(doc.device) ? doc.device : undefined, findings: findingsFit ? doc.findings : undefined } : doc;
  const parsed = RemediateShape.safeParse(input);
  if (!parsed.success) return { wrongShape: 'its device or findings do not fit' };
  const d = parsed.data;
  if (!d.findings && !newer) return { wrongShape: 'no findings.problems' };
  const { facts } = sharedFacts('remediate', newer, { findings: d.findings?.problems ?? [], causes: d.causes, error: d.error });
  const platform = typeof d.device?.platform === 'string' ? PLATFORM[d.device.platform] : undefined;
  const os = safeText(d.device?.os, 80);
  const name = safeText(d.device?.name, 64);
  return {
    ...facts,
    ...(platform ? { os: { platform, version: os ?? platform } } : {}),
    teams: [],
    ...(typeof d.generatedAt === 'string' ? { at: d.generatedAt } : {}),
    ...(name ? { deviceName: name } : {}),
  };
}
