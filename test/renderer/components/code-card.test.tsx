// The code card names who can fix the code (the app's developer now among them) and opens Microsoft's
// lookup page for every AADSTS code, known or not; other families have no such page.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CodeCard } from '../../../src/renderer/components/CodeCard';
import type { FoundCode } from '../../../src/shared/contract/explain';
import { findEntry } from '../../../src/shared/knowledge/catalog';
import { installFakeBridge } from '../support/fake-bridge';

function found(family: FoundCode['family'], code: string, raw: string): FoundCode {
  const entry = findEntry(family, code);
  return entry ? { family, code, raw, known: true, entry } : { family, code, raw, known: false };
}

describe('CodeCard', () => {
  it('an app-side code says only the app\'s developer can fix it, and opens Microsoft\'s page for it', async () => {
    const fake = installFakeBridge().answer('shell.open-external', { opened: true });
    render(<CodeCard code={found('aadsts', '900144', 'AADSTS900144')} />);
    expect(screen.getByText("Only the app's developer can fix this")).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Microsoft's page for this code" }));
    await waitFor(() => expect(fake.inputsOf('shell.open-external')).toEqual([{ url: 'https://login.microsoftonline.com/error?code=900144' }]));
  });

  it('an unknown AADSTS code still offers Microsoft\'s page; a WAM code offers none', async () => {
    const fake = installFakeBridge().answer('shell.open-external', { opened: true });
    const { unmount } = render(<CodeCard code={found('aadsts', '99999', 'AADSTS99999')} />);
    expect(screen.getByText(/is not in our catalog/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "Microsoft's page for this code" }));
    await waitFor(() => expect(fake.inputsOf('shell.open-external')).toEqual([{ url: 'https://login.microsoftonline.com/error?code=99999' }]));
    unmount();
    render(<CodeCard code={found('wam', 'CAA2000B', '0xCAA2000B')} />);
    expect(screen.queryByRole('button', { name: "Microsoft's page for this code" })).toBeNull();
  });
});
