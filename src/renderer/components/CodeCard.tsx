// One error code: its name, what it means, who can fix it, and what to do.
import { useState, type FC } from 'react';
import type { CodeFamily, FoundCode } from '../../shared/contract/explain';
import { aadstsLookupUrl } from '../../shared/knowledge/aadsts/lookup-link';
import { api, errorText } from '../api';

/** Microsoft's lookup page for an AADSTS code, opened in the browser (allow-listed in the main process). */
const MicrosoftPage: FC<{ code: FoundCode }> = ({ code }) => {
  const [error, setError] = useState<string>();
  const url = code.family === 'aadsts' ? aadstsLookupUrl(code.code) : undefined;
  if (!url) return null;
  const open = () => api.call('shell.open-external', { url }).catch((e: unknown) => setError(errorText(e)));
  return (
    <p>
      <button type="button" onClick={() => void open()}>
        Microsoft&apos;s page for this code
      </button>
      {error && <span role="alert"> {error}</span>}
    </p>
  );
};

const WHO: Record<string, string> = { user: 'You can fix this', admin: 'Only your IT admin can fix this', developer: "Only the app's developer can fix this", both: 'You and your IT admin' };

// Which kind of code it is, in words: the same number means nothing without its family.
const FAMILY: Record<CodeFamily, string> = {
  aadsts: 'Microsoft sign-in service',
  wam: 'Windows sign-in (WAM)',
  pcsc: 'Smart card',
  hresult: 'Windows error',
  msa: 'Microsoft account or app',
};

const canonical = (c: FoundCode): string => (c.family === 'aadsts' ? `AADSTS${c.code}` : `0x${c.code}`);

export const CodeCard: FC<{ code: FoundCode }> = ({ code }) => {
  const e = code.entry;
  if (!code.known || !e) {
    return (
      <article className="card code unknown" aria-label={`Code ${code.raw}`}>
        <h3>
          <code>{code.raw}</code> is not in our catalog
        </h3>
        <p>We do not guess. Send the message below to IT; they can look the code up with the IDs.</p>
        <MicrosoftPage code={code} />
      </article>
    );
  }
  return (
    <article className={`card code fixer-${e.fixer}`} aria-label={`Code ${code.raw}`}>
      <header>
        <h3>
          <code>{code.raw}</code>
          {/* A decimal or bare code is also shown the usual way (3399614476 is 0xCAA2000C). */}
          {canonical(code) !== code.raw.toUpperCase().replace(/^0X/, '0x') && <code className="code-canonical"> ({canonical(code)})</code>} <span className="code-name">{e.name}</span>
        </h3>
        <span className="pill family">{FAMILY[code.family]}</span>
        {e.rangeOnly && <span className="pill">Only its family is known</span>}
        <span className={`pill fixer-${e.fixer}`}>{WHO[e.fixer]}</span>
      </header>
      <p className="meaning">{e.meaning}</p>
      {e.conditions.length > 0 && (
        <>
          <h4>What the policy may have looked at</h4>
          <ul>
            {e.conditions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {e.wontHelp.length > 0 && (
        <>
          <h4>What will not help</h4>
          <ul>
            {e.wontHelp.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {e.userActions.length > 0 && (
        <>
          <h4>What you can do now</h4>
          <ul>
            {e.userActions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
      {e.adminActions.length > 0 && (
        <>
          <h4>What IT must do</h4>
          <ul>
            {e.adminActions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      )}
      <MicrosoftPage code={code} />
    </article>
  );
};
