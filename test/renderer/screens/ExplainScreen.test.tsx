// The Explain screen with a paste that holds several errors and a support tag: each error shows
// its own codes and IDs (newest first), and the tag is shown as a support tag, not a code. The
// canned answer is what the real explainer makes of the text.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../src/main/common/explain/explain-text';
import { ExplainScreen } from '../../../src/renderer/screens/ExplainScreen';
import { installFakeBridge } from '../support/fake-bridge';

const OLD = '7a7a7a7a-0000-4000-8000-000000000001';
const NEW = '8b8b8b8b-0000-4000-8000-000000000002';
const paste = [
  'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.',
  `Correlation ID: ${OLD}`,
  'Timestamp: 2026-11-30 09:58:01Z',
  "Something went wrong. Error Code: 80043490 (Tag: 7q6ca)",
  `Correlation ID: ${NEW}`,
  'Timestamp: 2026-11-30 10:02:44Z',
].join('\n');

async function explainPaste(text: string) {
  const bridge = installFakeBridge().answer('explain.text', (input) => explainText(input.text));
  render(<ExplainScreen />);
  fireEvent.change(screen.getByLabelText('Error message'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
  await screen.findByTestId('headline');
  return bridge;
}

describe('ExplainScreen', () => {
  it('shows each error of a paste with its own codes and IDs, newest first, and the support tag as such', async () => {
    const bridge = await explainPaste(paste);
    expect(bridge.inputsOf('explain.text')).toEqual([{ text: paste }]);
    expect(screen.getByTestId('error-count').textContent).toMatch(/2 errors/);
    const blocks = screen.getAllByTestId('error-block');
    expect(blocks).toHaveLength(2);
    const [newest, older] = blocks as [HTMLElement, HTMLElement];
    expect(within(newest).getByRole('heading', { level: 3, name: /Error 1 of 2 \(newest\), 2026-11-30T10:02:44/ })).toBeTruthy();
    expect(within(newest).getByRole('article', { name: 'Code 80043490' })).toBeTruthy();
    expect(within(newest).getByText('(0x80043490)')).toBeTruthy(); // written without 0x, shown the usual way too
    expect(within(newest).getByText('Microsoft account or app')).toBeTruthy();
    expect(within(newest).getByText(NEW)).toBeTruthy();
    expect(within(newest).queryByText(OLD)).toBeNull();
    expect(within(newest).getByText('Support tag (for Microsoft support)')).toBeTruthy();
    expect(within(newest).getByText('7q6ca')).toBeTruthy();
    expect(within(newest).getByText(/Not an error code/)).toBeTruthy();
    expect(within(older).getByRole('article', { name: 'Code AADSTS70016' })).toBeTruthy();
    expect(within(older).getByText(OLD)).toBeTruthy();
    expect(within(older).queryByText('7q6ca')).toBeNull();
    // The tag is never shown as a code card, and the message for IT carries it.
    expect(screen.queryByRole('article', { name: /7q6ca/ })).toBeNull();
    expect((screen.getByTestId('it-message') as HTMLTextAreaElement).value).toContain('Support tag (for Microsoft support): 7q6ca');
  });

  it('a paste with one error keeps the single layout', async () => {
    await explainPaste(`AADSTS53003: Access has been blocked by Conditional Access policies.\nCorrelation ID: ${OLD}`);
    expect(screen.queryByTestId('error-block')).toBeNull();
    expect(screen.getByRole('article', { name: 'Code AADSTS53003' })).toBeTruthy();
    expect(screen.queryByText('(AADSTS53003)')).toBeNull(); // already written the usual way
    expect(within(screen.getByTestId('fields')).getByText(OLD)).toBeTruthy();
  });
});
