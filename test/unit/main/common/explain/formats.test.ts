// The formats real pastes come in: several errors in one paste (each with its own IDs), a code
// under its label, console hard wrapping, GUIDs without hyphens or in braces, the localized labels
// of Microsoft's error page, and values inside URL-encoded redirect parameters. Samples written here.
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../../src/main/common/explain/explain-text';
import { prepareText } from '../../../../../src/main/common/explain/prepare-text';
import { ExplanationSchema } from '../../../../../src/shared/contract/explain';

const A = { trace: '1a1a1a1a-0000-4000-8000-000000000001', corr: '2b2b2b2b-0000-4000-8000-000000000002' };
const B = { trace: '3c3c3c3c-0000-4000-8000-000000000003', corr: '4d4d4d4d-0000-4000-8000-000000000004' };

const powershellSession = [
  'PS C:\\> Connect-MgGraph -UseDeviceCode',
  'Connect-MgGraph : AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  `Trace ID: ${A.trace}`,
  `Correlation ID: ${A.corr}`,
  'Timestamp: 2026-11-30 09:58:01Z',
  'At line:1 char:1',
  '+ Connect-MgGraph -UseDeviceCode',
  'PS C:\\> Connect-MgGraph -ClientId ""',
  "Connect-MgGraph : AADSTS900144: The request body must contain the following parameter: 'client_id'.",
  `Trace ID: ${B.trace}`,
  `Correlation ID: ${B.corr}`,
  'Timestamp: 2026-11-30 10:02:44Z',
].join('\n');

describe('several errors in one paste', () => {
  it('each error keeps its own Trace ID, Correlation ID and timestamp; newest first; top level is the newest', () => {
    const ex = explainText(powershellSession);
    expect(ExplanationSchema.safeParse(ex).success).toBe(true);
    expect(ex.errors.map((e) => e.codes.map((c) => c.code))).toEqual([['900144'], ['70016']]);
    expect(ex.errors[0]?.fields).toEqual({ traceId: B.trace, correlationId: B.corr, timestamp: '2026-11-30T10:02:44.000Z' });
    expect(ex.errors[1]?.fields).toEqual({ traceId: A.trace, correlationId: A.corr, timestamp: '2026-11-30T09:58:01.000Z' });
    expect(ex.codes.map((c) => c.code)).toEqual(['900144']);
    expect(ex.fields).toEqual(ex.errors[0]?.fields);
    expect(ex.notes.join('\n')).toMatch(/holds 2 errors/);
  });

  it('orders by timestamp, not by place, when every error has one', () => {
    const swapped = powershellSession.replace('2026-11-30 09:58:01Z', '2026-11-30 11:00:00Z');
    expect(explainText(swapped).errors.map((e) => e.codes[0]?.code)).toEqual(['70016', '900144']);
  });

  it('IDs-first layout (Entra sign-in log copies): the code after the IDs belongs to them', () => {
    const copy = [`Request ID\n\n${A.trace}\nCorrelation ID\n\n${A.corr}\nSign-in error code\n\n50199`, `Request ID\n\n${B.trace}\nCorrelation ID\n\n${B.corr}\nSign-in error code\n\n50076`].join('\n');
    const ex = explainText(copy);
    expect(ex.errors.map((e) => [e.codes[0]?.code, e.fields.requestId, e.fields.correlationId])).toEqual([
      ['50076', B.trace, B.corr],
      ['50199', A.trace, A.corr],
    ]);
  });

  it('a JSON error repeating its IDs in the description stays one error', () => {
    const json = JSON.stringify({
      error: 'invalid_grant',
      error_description: `AADSTS70016: Pending. Trace ID: ${A.trace} Correlation ID: ${A.corr} Timestamp: 2026-11-30 09:58:01Z`,
      error_codes: [70016],
      timestamp: '2026-11-30 09:58:01Z',
      trace_id: A.trace,
      correlation_id: A.corr,
    });
    const ex = explainText(json);
    expect(ex.errors).toHaveLength(1);
    expect(ex.fields).toMatchObject({ traceId: A.trace, correlationId: A.corr, error: 'invalid_grant' });
  });

  it('a log with one error per line', () => {
    const log = [
      `2026-11-30T08:00:00Z ERROR token request failed AADSTS70016 correlation_id=${A.corr} timestamp=2026-11-30T08:00:00Z`,
      `2026-11-30T08:00:05Z ERROR token request failed AADSTS900144 correlation_id=${B.corr} timestamp=2026-11-30T08:00:05Z`,
    ].join('\n');
    const ex = explainText(log);
    expect(ex.errors.map((e) => [e.codes[0]?.code, e.fields.correlationId])).toEqual([
      ['900144', B.corr],
      ['70016', A.corr],
    ]);
  });

  it('the IT message lists each error with its own IDs, newest first', () => {
    const msg = explainText(powershellSession).itMessage;
    const first = msg.indexOf('Error 1, the newest');
    const second = msg.indexOf('Error 2');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    const block1 = msg.slice(first, second);
    const block2 = msg.slice(second, msg.indexOf('\n\n', second));
    expect(block1).toContain('AADSTS900144');
    expect(block1).toContain(`Correlation ID: ${B.corr}`);
    expect(block1).toContain(`Trace ID: ${B.trace}`);
    expect(block1).toContain('2026-11-30T10:02:44.000Z');
    expect(block1).not.toContain(A.corr);
    expect(block2).toContain('AADSTS70016');
    expect(block2).toContain(`Correlation ID: ${A.corr}`);
    expect(block2).toContain(`Trace ID: ${A.trace}`);
    expect(block2).not.toContain(B.trace);
    expect(msg).not.toContain('Connect-MgGraph');
  });
});

describe('labels and values as they are copied', () => {
  it('a code on the line after its label, with a blank line between (Entra portal)', () => {
    const ex = explainText('Sign-in error code\n\n50199\nFailure reason\n\nFor security reasons, user confirmation is required for this request.');
    expect(ex.codes.map((c) => c.code)).toEqual(['50199']);
  });

  it('label and value cut by console wrapping at the window width', () => {
    const width = 80;
    const line = `Get-Token : AADSTS53003: Access has been blocked by Conditional Access policies. Correlation ID: ${A.corr} Timestamp: 2026-11-30 09:58:01Z`;
    // Cut exactly where the console would: every line but the last is `width` long.
    const cut = line.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');
    expect(cut.split('\n')[0]).toHaveLength(width);
    expect(cut).toContain('\n'); // the label or the GUID really is split
    const ex = explainText(cut);
    expect(ex.codes.map((c) => c.code)).toEqual(['53003']);
    expect(ex.fields.correlationId).toBe(A.corr);
    expect(ex.fields.timestamp).toBe('2026-11-30T09:58:01.000Z');
  });

  it('lines that merely share a length (dated log entries, a run without a shorter rest) are not joined', () => {
    const dated = ['2026-11-30T08:00:00Z first entry with enough text to be long, really long, yes', '2026-11-30T08:00:01Z other entry with enough text to be long, really long, yes', 'short'];
    expect(dated[0]).toHaveLength(dated[1]!.length);
    expect(prepareText(dated.join('\n')).text).toBe(dated.join('\n'));
    const table = ['AADSTS50058 Correlation ID: 00000000-0000-4000-8000-000000000000', 'AADSTS50058 Correlation ID: 00000001-0000-4000-8000-000000000000'];
    expect(prepareText(table.join('\n')).text).toBe(table.join('\n'));
  });

  it('GUIDs without hyphens or in braces come out hyphenated', () => {
    const ex = explainText(`AADSTS50058\nCorrelation ID: {${A.corr.toUpperCase()}}\nRequest ID: ${B.trace.replace(/-/g, '')}`);
    expect(ex.fields.correlationId).toBe(A.corr.toUpperCase());
    expect(ex.fields.requestId).toBe(B.trace);
    // 33 hex digits are no GUID.
    expect(explainText(`Request ID: ${B.trace.replace(/-/g, '')}f`).fields.requestId).toBeUndefined();
  });

  it.each([
    ['German', 'Fehlercode: 53003', 'Anforderungs-ID', 'Korrelations-ID', 'Zeitstempel'],
    ['French', "Code d'erreur : 53003", 'ID de demande', 'ID de corrélation', 'Horodatage'],
    ['Spanish', 'Código de error: 53003', 'ID de solicitud', 'ID de correlación', 'Marca de tiempo'],
    ['Italian', 'Codice errore: 53003', 'ID richiesta', 'ID di correlazione', 'Timestamp'],
    ['Dutch', 'Foutcode: 53003', 'Aanvraag-id', 'Correlatie-id', 'Tijdstempel'],
    ['Portuguese', 'Código de erro: 53003', 'ID da solicitação', 'ID de correlação', 'Carimbo de data/hora'],
    ['Polish', 'Kod błędu: 53003', 'Identyfikator żądania', 'Identyfikator korelacji', 'Sygnatura czasowa'],
    ['Swedish', 'Felkod: 53003', 'Begäran-ID', 'Korrelations-ID', 'Tidsstämpel'],
  ])('%s error page labels', (_lang, code, request, correlation, timestamp) => {
    const ex = explainText(`${code}\n${request}: ${A.trace}\n${correlation}: ${A.corr}\n${timestamp}: 2026-11-30T09:58:01Z`);
    expect(ex.codes.map((c) => c.code)).toEqual(['53003']);
    expect(ex.fields).toEqual({ requestId: A.trace, correlationId: A.corr, timestamp: '2026-11-30T09:58:01.000Z' });
  });

  it('values inside URL-encoded redirect parameters', () => {
    const url = `https://app.contoso.example/signin-oidc?error=access_denied&error_description=AADSTS53003%3a+Access+has+been+blocked+by+Conditional+Access+policies.%0d%0aTrace+ID%3a+${A.trace}%0d%0aTimestamp%3a+2026-11-30+09%3a58%3a01Z&correlation_id=${A.corr}&state=abc`;
    const ex = explainText(url);
    expect(ex.codes.map((c) => c.code)).toEqual(['53003']);
    expect(ex.fields).toMatchObject({ traceId: A.trace, correlationId: A.corr, timestamp: '2026-11-30T09:58:01.000Z' });
    // Malformed escapes neither throw nor leak control bytes.
    expect(() => explainText('?error_description=AADSTS50058%E0%A4%A+x%00y')).not.toThrow();
    expect(explainText('?error_description=AADSTS50058%E0%A4%A+x%00y').codes.map((c) => c.code)).toEqual(['50058']);
  });
});

describe('hostile shapes stay bounded', () => {
  it('thousands of alternating IDs give at most 20 errors, each valid', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `AADSTS50058 Correlation ID: ${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`).join('\n');
    const ex = explainText(text);
    expect(ex.errors.length).toBe(20);
    expect(ExplanationSchema.safeParse(ex).success).toBe(true);
  });

  it('long runs of digits, percent signs and query separators complete', () => {
    for (const text of ['9'.repeat(200_000), '-'.repeat(100_000) + '1'.repeat(100_000), '&a=%'.repeat(50_000), `?x=${'%41'.repeat(100_000)}`, 'Tag: '.repeat(50_000)]) {
      expect(ExplanationSchema.safeParse(explainText(text)).success).toBe(true);
    }
  });
});
