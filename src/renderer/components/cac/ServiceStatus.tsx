// The smart-card service line and the readers with their card state, then what to do when the
// service cannot be reached (the failure's advice, or the binding's when PC/SC support is missing).
import type { FC } from 'react';
import type { CacStatus } from '../../../shared/contract/cac';
import { SERVICE_TEXT } from './cac-text';

/** When this build cannot load its PC/SC binding: the install advice (restarting the service cannot help). */
export interface BindingMissing {
  message?: string;
  advice: readonly string[];
}

export const ServiceStatus: FC<{ status: CacStatus | undefined; bindingMissing?: BindingMissing | undefined }> = ({ status, bindingMissing }) => {
  const running = status?.service === 'running';
  const advice = status?.failure ?? (bindingMissing ? { message: bindingMissing.message, advice: bindingMissing.advice } : undefined);
  return (
    <>
      <dl className="fields">
        <div>
          <dt>Smart card service</dt>
          <dd data-testid="cac-service" className={status && !running ? 'error' : undefined}>
            {status ? SERVICE_TEXT[status.service] : 'checking…'}
            {status?.failure ? ` — ${status.failure.name}` : ''}
          </dd>
        </div>
        <div>
          <dt>Readers</dt>
          <dd>
            {status && running && status.readers.length === 0 && 'none attached: plug the reader in directly (not through a hub or dock)'}
            {status && status.readers.length > 0 && (
              <ul data-testid="cac-readers" aria-label="Smart card readers">
                {status.readers.map((r) => (
                  <li key={r.name} data-reader={r.name} data-card={r.cardPresent ? 'yes' : 'no'}>
                    {r.name}: {r.cardPresent ? 'card inserted' : 'no card'}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {advice && (
        <div data-testid="cac-service-advice">
          {advice.message && <p>{advice.message}</p>}
          {bindingMissing && <p data-testid="cac-binding-advice">Smart-card support is missing from this installation: restarting the smart-card service cannot help.</p>}
          <ul>
            {advice.advice.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
};
