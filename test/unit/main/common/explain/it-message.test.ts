import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../../src/main/common/explain/explain-text';
import { CA_LOOKUP_LINE, buildItMessage } from '../../../../../src/main/common/explain/it-message';

describe('buildItMessage', () => {
  const page = [
    'Sorry, but we are having trouble signing you in.',
    'AADSTS53003: Access has been blocked by Conditional Access policies.',
    'Request Id: aaaa0000-bb11-4222-83cc-444444dddddd',
    'Correlation Id: bbbb1111-cc22-4333-94dd-555555eeeeee',
    'Timestamp: 2025-03-04 05:06:07Z',
    'App name: Microsoft Teams',
    'Secret note: my password is hunter2',
  ].join('\n');

  it('names the code, lists the IDs, asks for the Conditional Access tab, and lists what is missing', () => {
    const msg = explainText(page).itMessage;
    expect(msg).toContain('AADSTS53003 (BlockedByConditionalAccess)');
    expect(msg).toContain('Correlation ID: bbbb1111-cc22-4333-94dd-555555eeeeee');
    expect(msg).toContain('Request ID: aaaa0000-bb11-4222-83cc-444444dddddd');
    expect(msg).toContain('Timestamp (UTC): 2025-03-04T05:06:07.000Z');
    expect(msg).toContain('App name: Microsoft Teams');
    expect(msg).toContain(CA_LOOKUP_LINE);
    expect(msg).toMatch(/Not found in the text I had: Trace ID, App ID, IP address, Device identifier, Device platform, Device state\./);
  });

  it('never contains the pasted text itself', () => {
    const msg = explainText(page).itMessage;
    expect(msg).not.toContain('hunter2');
    expect(msg).not.toContain('Sorry, but we are having trouble');
  });

  it('has no Conditional Access line for other codes', () => {
    const msg = explainText('AADSTS50126: Invalid username or password. Correlation ID: bbbb1111-cc22-4333-94dd-555555eeeeee').itMessage;
    expect(msg).toContain('AADSTS50126 (InvalidUserNameOrPassword)');
    expect(msg).not.toContain(CA_LOOKUP_LINE);
    expect(msg).toContain('Sign-in logs by Correlation ID or Request ID');
  });

  it('drops token-looking field values even when handed them directly', () => {
    const msg = buildItMessage({
      format: 'plain',
      codes: [],
      fields: { appName: `eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.${'a'.repeat(20)}`, correlationId: 'bbbb1111-cc22-4333-94dd-555555eeeeee' },
      headline: 'No sign-in error code was found in this text.',
      notes: [],
    });
    expect(msg).not.toContain('eyJ');
    expect(msg).toContain('Correlation ID: bbbb1111-cc22-4333-94dd-555555eeeeee');
  });
});
