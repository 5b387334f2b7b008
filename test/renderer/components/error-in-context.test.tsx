// The error the app is looking into, on the screens without a paste box (Checks, CAC, Token): shown
// once an error is known (code, time, Correlation ID, what this screen can tell about it), with one
// click back to the verdict; nothing before. The Checks screen explains a pasted error again, so its
// summary is ordered for that error.
import { fireEvent, render, screen } from '@testing-library/react';
import { useEffect, type FC } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorInContext, relevanceNote, type ContextScreen } from '../../../src/renderer/components/verdict/ErrorInContext';
import { ErrorProvider, useSharedError } from '../../../src/renderer/error-context';
import { ChecksScreen } from '../../../src/renderer/screens/ChecksScreen';
import type { DiagnosisError } from '../../../src/shared/contract/diagnosis';
import { installFakeBridge } from '../support/fake-bridge';

const CERT_ERROR: DiagnosisError = {
  codes: [{ family: 'aadsts', code: '500191', display: 'AADSTS500191', name: 'CertificateValidationFailed', known: true }],
  correlationId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  source: { kind: 'pasted' },
  family: 'certificate',
  leadCode: 'AADSTS500191',
  verdict: 'AADSTS500191: certificate sign-in failed.',
};

const Seed: FC<{ error?: DiagnosisError; text?: string }> = ({ error, text }) => {
  const shared = useSharedError();
  const { setText, setFound } = shared;
  // Seeds once, as the verdict would.
  useEffect(() => {
    if (text) setText(text);
    if (error) setFound(error);
  }, [error, text, setText, setFound]);
  return null;
};

function renderIn(screenName: ContextScreen, error: DiagnosisError | undefined, navigated: string[]) {
  return render(
    <ErrorProvider navigate={(id) => navigated.push(id)}>
      <Seed {...(error ? { error } : {})} />
      <ErrorInContext screen={screenName} />
    </ErrorProvider>,
  );
}

describe('ErrorInContext', () => {
  // The Checks screen preloads every domain's card when it opens: loaded here first, so no import is
  // still in flight when the test environment is torn down.
  beforeAll(async () => {
    await Promise.all([
      import('../../../src/renderer/components/cac/CacCard'),
      import('../../../src/renderer/components/ClockCard'),
      import('../../../src/renderer/components/DeviceCard'),
      import('../../../src/renderer/components/network/NetworkCard'),
      import('../../../src/renderer/components/teams/TeamsCard'),
    ]);
  });

  it('shows nothing before an error is known', () => {
    renderIn('cac', undefined, []);
    expect(screen.queryByTestId('error-in-context')).toBeNull();
  });

  it('on the CAC screen: the certificate error, its Correlation ID, why the card matters, and the way back', () => {
    const navigated: string[] = [];
    renderIn('cac', CERT_ERROR, navigated);
    const box = screen.getByTestId('error-in-context');
    expect(box.textContent).toContain('The error you pasted: AADSTS500191 (CertificateValidationFailed)');
    expect(box.textContent).toContain(CERT_ERROR.correlationId);
    expect(box.textContent).toContain('the reader, the card, its certificates and their chain');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the verdict' }));
    expect(navigated).toEqual(['verdict']);
  });

  it('says what each screen can tell about each family, and nothing made up for the rest', () => {
    expect(relevanceNote('token', 'stale-token')).toMatch(/expired or revoked token/);
    expect(relevanceNote('token', 'ca-block')).toMatch(/deviceid/);
    expect(relevanceNote('cac', 'ca-block')).toMatch(/smart card/);
    expect(relevanceNote('cac', 'network')).toBeUndefined();
    expect(relevanceNote('token', 'service')).toBeUndefined();
    expect(relevanceNote('checks', undefined)).toBeUndefined();
  });

  it('the Checks screen explains the pasted error again (its summary is ordered for it) and shows it', async () => {
    const fake = installFakeBridge()
      .answer('fix.list', [])
      .answer('diagnose.run', { startedAt: '2026-12-01T10:00:00.000Z', finishedAt: '2026-12-01T10:00:01.000Z', domains: ['cac'], findings: [], causes: [], error: CERT_ERROR });
    render(
      <ErrorProvider>
        <Seed error={CERT_ERROR} text="AADSTS500191 Correlation Id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" />
        <ChecksScreen />
      </ErrorProvider>,
    );
    expect(screen.getByTestId('error-in-context').textContent).toContain('AADSTS500191');
    fireEvent.click(screen.getByRole('button', { name: 'Run checks' }));
    await screen.findByRole('button', { name: 'Run checks again' });
    expect(fake.inputsOf('diagnose.run')).toEqual([{ errorText: 'AADSTS500191 Correlation Id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }]);
  });
});
