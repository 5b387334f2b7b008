// The cac part of `diagnose`: service health, readers, and (when a card is in) the card's
// certificates and chains. With no pcscd it answers at once with SCARD_E_NO_SERVICE advice; with
// no binding (the optional `smartcard` package was not built) with one cac.binding-missing finding.
import { cacFinding, type PcscFailure } from '../../shared/contract/cac';
import type { Finding } from '../../shared/model';
import type { CheckDefinition } from '../engine/types';
import { FIX_RESTART_SERVICE } from './card-report';
import { readCardOutcome } from './card-service';
import { adviceSentences, failureFromError } from './pcsc-errors';
import { isBindingMissing, type PcscBindingMissing, type PcscPort } from './pcsc-port';

/** A cac finding: its evidence must fit the schema of its id (contract/cac.ts). */
const f = cacFinding;

const advicePlatform = (p: string) => (p === 'linux' || p === 'win32' || p === 'darwin' ? p : undefined);

/** The service could not be reached: what happened, the advice once, and the restart fix where one exists. */
export function serviceFinding(failure: PcscFailure, port: PcscPort, platform: string): Finding {
  // macOS has no service to restart (CryptoTokenKit restarts itself). A missing binding never gets
  // here: it is bindingMissingFinding.
  const fixes = platform === 'darwin' ? [] : [FIX_RESTART_SERVICE];
  return f('cac.service', 'warn', `Smart card service: ${failure.name}`, `${failure.message} ${adviceSentences(failure.advice)}`, { code: failure.code, binding: port.binding, advice: failure.advice }, fixes);
}

export const BINDING_MISSING_FINDING = 'cac.binding-missing' as const;

/** The binding is not there: nothing about the service, readers or card is known, so this is the
 * cac domain's only finding. No fix: getting the binding is an install step (the advice says which). */
export function bindingMissingFinding(error: PcscBindingMissing, port: PcscPort): Finding {
  const { name } = error.toFailure();
  return f(BINDING_MISSING_FINDING, 'warn', `Smart card checks unavailable: ${name}`, `${error.message} ${adviceSentences(error.advice)}`, { reason: error.reason, binding: port.binding, advice: [...error.advice] });
}

export function cacChecks(port: PcscPort): CheckDefinition[] {
  return [
    {
      id: 'cac.smart-card',
      domain: 'cac',
      title: 'Smart card (CAC) reader and card',
      timeoutMs: 40_000,
      async run(ctx) {
        let session;
        try {
          session = await port.open();
        } catch (error) {
          if (isBindingMissing(error)) return [bindingMissingFinding(error, port)];
          return [serviceFinding(failureFromError(error, advicePlatform(ctx.platform)), port, ctx.platform)];
        }
        let readers;
        try {
          readers = await session.listReaders();
        } catch (error) {
          return [serviceFinding(failureFromError(error, advicePlatform(ctx.platform)), port, ctx.platform)];
        } finally {
          session.close();
        }
        const out: Finding[] = [f('cac.service', 'ok', 'Smart card service is running', `${port.binding} reached the PC/SC service.`, { binding: port.binding })];
        if (readers.length === 0) {
          out.push(f('cac.readers', 'info', 'No smart card reader attached', 'If you sign in with a CAC, plug the reader in directly (not through a hub or dock).', {}));
          return out;
        }
        out.push(f('cac.readers', 'ok', `${readers.length} reader(s) attached`, readers.map((r) => `${r.name}: ${r.cardPresent ? 'card inserted' : 'no card'}`).join('; '), { readers }));
        const withCard = readers.find((r) => r.cardPresent);
        if (!withCard) {
          out.push(f('cac.card', 'info', 'No card in the reader', 'Insert your CAC to check its certificates.', {}));
          return out;
        }
        const outcome = await readCardOutcome(port, ctx, { reader: withCard.name });
        if (!outcome.ok) {
          out.push(f('cac.card', 'fail', `Card could not be read: ${outcome.failure.name}`, `${outcome.failure.message} ${adviceSentences(outcome.failure.advice)}`, { code: outcome.failure.code, advice: outcome.failure.advice }));
          return out;
        }
        const c = outcome.card;
        const certs = c.slots.filter((s) => s.certificate).length;
        out.push(f('cac.card', 'ok', `Card read (${c.kind === 'piv' ? 'PIV' : c.kind === 'legacy-cac' ? 'legacy CAC' : 'unknown'}): ${certs} certificate(s)`, `${c.reader}, ${c.apduCount} APDUs in ${c.elapsedMs} ms.`, { atr: c.atr, chuid: c.chuid, slots: c.slots.map((s) => ({ slot: s.slot, status: s.status, subject: s.certificate?.subject, notAfter: s.certificate?.notAfter, sha1: s.certificate?.sha1 })) }));
        out.push(...c.findings.filter((x) => x.id !== 'cac.card-ok'));
        return out;
      },
    },
  ];
}
