// IPC / harness handlers of the report domain (see src/shared/contract/report.ts). A preview is
// kept in memory for a while so that "Save" writes exactly the bytes the user looked at.
import { randomBytes } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { hostname, userInfo } from 'node:os';
import type { reportCalls } from '../../shared/contract/report';
import type { Domain } from '../../shared/model';
import { badInput } from '../common/errors';
import type { EngineContext } from '../engine/types';
import { writeFileAtomic } from '../os/atomic-file';
import { userDirs } from '../os/platform';
import type { DomainDeps, HandlerFactory } from '../engine/types';
import { buildBundle, previewOf, zipBundle, type Bundle } from './bundle';
import { collectReport } from './collect-report';
import type { RedactionOptions } from '../common/redact/redactor';

const PREVIEW_TTL_MS = 30 * 60_000;
const MAX_PREVIEWS = 4;

/** Who and where this user is, so their names and folders can be found and removed. */
export function redactionOptions(ctx: EngineContext, includePersonal: boolean): RedactionOptions {
  const home = userDirs(ctx.platform, ctx.env).home;
  let osUser: string | undefined;
  try {
    osUser = userInfo().username;
  } catch {
    osUser = undefined;
  }
  const users = [ctx.env.USER, ctx.env.USERNAME, ctx.env.LOGNAME, osUser, basename(home)].filter((u): u is string => Boolean(u));
  const hosts = [ctx.env.COMPUTERNAME, ctx.env.HOSTNAME, hostname()].filter((h): h is string => Boolean(h));
  return { includePersonal, home, userNames: users, hostNames: hosts.flatMap((h) => [h, h.split('.')[0]!]) };
}

export function defaultBundleName(now: Date): string {
  return `signin-doctor-report-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.zip`;
}

async function buildFor(deps: DomainDeps, input: { pastedText?: string; includePersonal: boolean; only?: Domain[] }): Promise<Bundle> {
  const data = await collectReport(deps, { ...(input.pastedText !== undefined ? { pastedText: input.pastedText } : {}), ...(input.only ? { only: input.only } : {}) });
  return buildBundle(data, redactionOptions(deps.ctx, input.includePersonal));
}

export const createReportHandlers: HandlerFactory<typeof reportCalls> = (deps) => {
  const previews = new Map<string, { bundle: Bundle; at: number }>();
  const remember = (bundle: Bundle) => {
    const now = Date.now();
    for (const [id, p] of previews) if (now - p.at > PREVIEW_TTL_MS) previews.delete(id);
    while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value as string);
    const id = randomBytes(12).toString('hex');
    previews.set(id, { bundle, at: now });
    return id;
  };

  return {
    'report.it-message': async ({ pastedText, includePersonal, only }) => {
      const bundle = await buildFor(deps, { ...(pastedText !== undefined ? { pastedText } : {}), includePersonal, ...(only ? { only } : {}) });
      return { message: bundle.message, facts: bundle.document.messageFacts };
    },
    'report.preview': async ({ pastedText, includePersonal, only }) => {
      const bundle = await buildFor(deps, { ...(pastedText !== undefined ? { pastedText } : {}), includePersonal, ...(only ? { only } : {}) });
      return previewOf(bundle, remember(bundle));
    },
    'report.write-bundle': async ({ path, previewId, overwrite, pastedText, includePersonal, only }) => {
      let bundle: Bundle;
      if (previewId) {
        const kept = previews.get(previewId);
        if (!kept) throw badInput('That preview has expired; preview the report again before saving.');
        bundle = kept.bundle;
      } else {
        bundle = await buildFor(deps, { ...(pastedText !== undefined ? { pastedText } : {}), includePersonal, ...(only ? { only } : {}) });
      }
      const files = bundle.files.map((f) => f.name);
      let target = path;
      let confirmed = overwrite;
      if (!target) {
        if (!deps.host.chooseSavePath) throw badInput('Say where to save the bundle (a path ending in .zip).');
        target = await deps.host.chooseSavePath(defaultBundleName(deps.ctx.now()));
        if (!target) return { saved: false, files };
        if (!/\.zip$/i.test(target)) target = `${target}.zip`;
        else confirmed = true; // the save dialog already asked before replacing that file
      }
      // Only ever a .zip: a caller cannot make this write over another kind of file.
      if (!/\.zip$/i.test(target)) throw badInput('The bundle file name must end in .zip.');
      if (!isAbsolute(target)) target = resolve(target);
      const existing = await lstat(target).catch(() => undefined);
      if (existing?.isDirectory()) throw badInput(`${target} is a folder; give a file name ending in .zip.`);
      if (existing && !confirmed) throw badInput(`${target} already exists; choose another name (nothing was overwritten).`);
      if (existing?.isSymbolicLink()) throw badInput(`${target} is a symbolic link; choose another name.`);
      const zip = await zipBundle(bundle.files, new Date(bundle.document.generatedAt));
      await writeFileAtomic(target, zip, 0o600);
      if (previewId) previews.delete(previewId);
      return { saved: true, path: target, bytes: zip.length, files };
    },
  };
};
