// The error of pasted text: the explainer's codes and IDs (its fields are already filtered of
// anything that looks like a secret); WinHTTP / WinINet 0x80072xxx codes go on as the causes
// engine's winhttp family. Nothing of the text itself is kept: only codes and labelled IDs go on.
import type { DiagnosisCode, DiagnosisErrorInput } from '../../shared/contract/diagnosis';
import { displayCode } from '../../shared/knowledge/catalog';
import { WINHTTP_NAMES } from '../../shared/knowledge/causes';
import { explainText } from '../common/explain/explain-text';
import { prepareText } from '../common/explain/prepare-text';

const WINHTTP = /(?<![0-9A-Za-z_])0x(80072[0-9a-f]{3})(?![0-9A-Za-z_])/gi;
const MAX_WINHTTP = 10;

export function winHttpCodes(text: string): DiagnosisCode[] {
  const out: DiagnosisCode[] = [];
  for (const m of prepareText(text).text.matchAll(WINHTTP)) {
    const code = m[1]!.toUpperCase();
    if (out.some((c) => c.code === code)) continue;
    const name = WINHTTP_NAMES[code];
    out.push({ family: 'winhttp', code, display: `0x${code}`, ...(name ? { name } : {}), known: name !== undefined });
    if (out.length >= MAX_WINHTTP) break;
  }
  return out;
}

export function errorFromText(text: string): DiagnosisErrorInput {
  const ex = explainText(text);
  const codes: DiagnosisCode[] = ex.codes.map((c) => ({
    // The causes engine knows the WinHTTP / WinINet network codes as their own family.
    family: c.family === 'hresult' && c.code.startsWith('80072') ? 'winhttp' : c.family,
    code: c.code,
    display: displayCode(c.family, c.code),
    ...(c.entry && !c.entry.rangeOnly ? { name: c.entry.name } : {}),
    known: c.known,
  }));
  const f = ex.fields;
  const requestId = f.requestId ?? f.traceId;
  return {
    codes: [...codes, ...winHttpCodes(text).filter((w) => !codes.some((c) => c.family === 'winhttp' && c.code === w.code))],
    ...(f.correlationId ? { correlationId: f.correlationId } : {}),
    ...(requestId ? { requestId } : {}),
    ...(f.timestamp ? { timestamp: f.timestamp } : {}),
    ...(f.appName ? { appName: f.appName } : {}),
    ...(f.devicePlatform ? { devicePlatform: f.devicePlatform } : {}),
    ...(f.deviceId ? { deviceId: f.deviceId } : {}),
    ...(f.deviceState ? { deviceState: f.deviceState } : {}),
    source: { kind: 'pasted' },
  };
}
