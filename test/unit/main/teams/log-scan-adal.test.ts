// Classic Teams' ADAL telemetry: the failure line carries the WAM code in decimal under
// Microsoft_ADAL_api_error_code and its Correlation ID under Microsoft_ADAL_correlationId.
// Lines written here in the classic logs.txt layout.
import { describe, expect, it } from 'vitest';
import { scanLogText } from '../../../../src/main/teams/log-scan';

const CORR = '5e5e5e5e-1111-4222-8333-444444444444';
const OTHER = '6f6f6f6f-1111-4222-8333-444444444444';

describe('Teams log scan, classic ADAL telemetry', () => {
  it('the api error code (decimal WAM) is the failure and Microsoft_ADAL_correlationId its Correlation ID', () => {
    const log = [
      `Mon Nov 23 2026 06:30:00 GMT+0000 (Coordinated Universal Time) <4242> -- info -- telemetry {"Microsoft_ADAL_correlationId":"${OTHER}","Microsoft_ADAL_api_status_code":"Success"}`,
      `Mon Nov 23 2026 06:31:00 GMT+0000 (Coordinated Universal Time) <4242> -- warning -- telemetry {"Microsoft_ADAL_api_error_code":"3399614476","Microsoft_ADAL_correlationId":"${CORR}","Microsoft_ADAL_api_error_tag":"4usqa","Microsoft_ADAL_ui_event_count":1}`,
    ].join('\n');
    const failures = scanLogText(log, 'classic', 'logs.txt');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ line: 2, time: '2026-11-23T06:31:00.000Z', correlationId: CORR });
    expect(failures[0]!.codes.map((c) => c.display)).toEqual(['0xCAA2000C']);
    expect(failures[0]!.codes[0]!.name).toBe('ERROR_ADAL_SERVER_ERROR_INTERACTION_REQUIRED');
  });

  it('a signed-decimal server error code in the telemetry is read too', () => {
    const line = `Mon Nov 23 2026 06:31:00 GMT+0000 <4242> -- warning -- {"Microsoft_ADAL_api_error_code":"-895352829","Microsoft_ADAL_server_error_code":"50173","Microsoft_ADAL_correlationId":"${CORR}"}`;
    const [failure] = scanLogText(line, 'classic', 'logs.txt');
    expect(failure?.codes.map((c) => c.display)).toEqual(['0xCAA20003', 'AADSTS50173']);
    expect(failure?.correlationId).toBe(CORR);
  });
});
