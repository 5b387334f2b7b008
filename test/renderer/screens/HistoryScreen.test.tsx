// The History screen's banner for journal records it does not believe (history.refused): counted
// in words, each file with its reason, and absent when there are none.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HistoryScreen } from '../../../src/renderer/screens/HistoryScreen';
import { installFakeBridge } from '../support/fake-bridge';

describe('HistoryScreen refused-records banner', () => {
  it('one refused record: said in the singular, with its file and reason', async () => {
    installFakeBridge().answer('history.list', []).answer('history.refused', [{ file: '20261123T064112Z-abc123.json', message: 'its seal does not match' }]);
    render(<HistoryScreen />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(/^One record in the repair journal was not written by Sign-in Doctor on this\s+computer, or changed since\. Sign-in Doctor will not act on it\./);
    fireEvent.click(within(banner).getByText('Which records'));
    expect(within(banner).getByRole('listitem').textContent).toBe('20261123T064112Z-abc123.json: its seal does not match');
    expect(await screen.findByText('No repairs have been run yet.')).toBeTruthy();
  });

  it('several refused records: counted, in the plural', async () => {
    installFakeBridge()
      .answer('history.list', [])
      .answer('history.refused', [
        { file: 'a.json', message: 'no seal' },
        { file: 'b.json', message: 'not a valid record' },
      ]);
    render(<HistoryScreen />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(/^2 records in the repair journal were not written .* will not act on them\./s);
    expect(within(banner).getAllByRole('listitem', { hidden: true }).map((li) => li.textContent)).toEqual(['a.json: no seal', 'b.json: not a valid record']);
  });

  it('no refused records, or the call failing: no banner', async () => {
    installFakeBridge().answer('history.list', []).answer('history.refused', []);
    const { unmount } = render(<HistoryScreen />);
    await screen.findByText('No repairs have been run yet.');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
  });
});
