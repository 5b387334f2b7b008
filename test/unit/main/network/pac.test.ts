// The PAC evaluator's promise: whatever a PAC file does, our event loop keeps running, loading and
// every call end by their deadline with a PacError that says why, and no worker thread is left
// behind. The real worker (src/main/network/pac-worker.ts, built with esbuild as the CLI build
// does) runs hostile PACs: a catastrophic shExpMatch pattern, an endless loop, an allocation loop
// (with and without swallowing "out of memory"), top-level code that never returns, huge and
// non-string answers. Two stand-in workers spin in a V8 RegExp (native code no interrupt handler
// reaches), the way pac-resolver's own shExpMatch did on our thread: terminate() must stop them.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAC_BYTES, PacError, createPacEvaluator, defaultPacWorkerFile, fetchPac, firstPacEntry, runningPacWorkers, type PacEvaluator, type PacEvaluatorOptions } from '../../../../src/main/network/pac';
import { tempDir } from '../../../support/browser';
import { buildPacWorker } from '../../../support/pac-worker-build';

let workerFile: string;
const LIMITS = { timeoutMs: 1000, compileMs: 1500 };
const URL_ = 'https://login.microsoftonline.com/';

beforeAll(async () => {
  workerFile = await buildPacWorker();
}, 60_000);

afterEach(() => {
  expect(runningPacWorkers()).toBe(0);
});

async function evaluator(script: string, options: PacEvaluatorOptions = {}): Promise<PacEvaluator> {
  return createPacEvaluator(script, { workerFile, ...LIMITS, ...options });
}

/**
 * The PacError `work` rejects with, and whether our event loop served real I/O (a file read)
 * while the PAC was still running: a PAC that blocked our thread would settle first.
 */
async function failure(work: () => Promise<unknown>): Promise<{ error: PacError; loopFree: boolean }> {
  let settled = false;
  const pending = work().finally(() => (settled = true));
  pending.catch(() => undefined);
  await readFile(__filename);
  const loopFree = !settled;
  const error = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PacError);
  return { error: error as PacError, loopFree };
}

const pac = (body: string) => `function FindProxyForURL(url, host) { ${body} }`;

describe('a well-behaved PAC in the worker', () => {
  it('answers every call, one after another, with our built-in functions', async () => {
    const ev = await evaluator(
      pac(`
      if (shExpMatch(host, "*.microsoftonline.com") && dnsDomainIs(host, ".com")) return "PROXY proxy.contoso.com:8080; DIRECT";
      if (shExpMatch(url, "https://a.b/*") || shExpMatch(host, "(x)+")) return "PROXY regex.contoso.com:1";
      if (isPlainHostName(host) || localHostOrDomainIs(host, "intranet.contoso.com")) return "DIRECT";
      if (isInNet(host, "10.0.0.0", "255.0.0.0")) return "PROXY ten.contoso.com:3128";
      alert("this must not reach our stdout");
      return "DIRECT";`),
    );
    try {
      const urls = [URL_, 'https://intranet/', 'https://10.1.2.3/', 'https://a.b/x', 'https://teams.microsoft.com/', 'https://(x)+/'.replace('(x)+', 'x')];
      // Asked all at once, as decideAll does: the evaluator runs them one at a time.
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => ev.find(urls[i % urls.length]!)));
      expect(answers.slice(0, 6)).toEqual(['PROXY proxy.contoso.com:8080; DIRECT', 'DIRECT', 'PROXY ten.contoso.com:3128', 'PROXY regex.contoso.com:1', 'DIRECT', 'DIRECT']);
      expect(answers.slice(6)).toEqual([...answers.slice(0, 6), ...answers.slice(0, 6), ...answers.slice(0, 6), ...answers.slice(0, 6)]);
      expect(runningPacWorkers()).toBe(1);
    } finally {
      await ev.dispose();
    }
    await expect(ev.find(URL_)).rejects.toThrow(/closed/);
  });

  it('the same sandbox on this thread (sources run by tests) gives the same answers', async () => {
    expect(defaultPacWorkerFile()).toBeNull(); // running from the TypeScript sources
    const script = pac('return shExpMatch(host, "login.*") ? "PROXY p:1" : "DIRECT";');
    const inThread = await createPacEvaluator(script, { workerFile: null });
    const worker = await evaluator(script);
    try {
      for (const url of [URL_, 'https://teams.microsoft.com/']) expect(await inThread.find(url)).toBe(await worker.find(url));
      expect(runningPacWorkers()).toBe(1); // only the worker one
    } finally {
      await Promise.all([inThread.dispose(), worker.dispose()]);
    }
  });

  it('a bundle without its worker fails closed', () => {
    expect(() => defaultPacWorkerFile(tempDir('no-pac-worker'))).not.toThrow(); // sources: in-thread
    const dir = tempDir('pac-worker-beside');
    writeFileSync(join(dir, 'pac-worker.js'), '');
    expect(defaultPacWorkerFile(dir)).toBe(join(dir, 'pac-worker.js'));
  });
});

describe('hostile PACs in the worker', () => {
  it('shExpMatch with a catastrophic RegExp pattern is a plain glob: it answers at once', async () => {
    // pac-resolver made new RegExp("^([^X]+)+X$") of this and ran it on our thread for minutes.
    const ev = await evaluator(pac(`return shExpMatch("${'a'.repeat(43)}", "([^X]+)+X") || shExpMatch(url, "*([^X]+)+X*") ? "PROXY bad:1" : "DIRECT";`));
    try {
      expect(await ev.find(URL_)).toBe('DIRECT');
    } finally {
      await ev.dispose();
    }
  });

  it('an endless loop is stopped at the deadline, for good; our loop ran meanwhile', async () => {
    const ev = await evaluator(pac('while (true) {}'));
    const { error, loopFree } = await failure(() => ev.find(URL_));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('FindProxyForURL ran longer than 1000 ms and was stopped');
    expect(loopFree).toBe(true);
    expect(runningPacWorkers()).toBe(0);
    await expect(ev.find('https://other.example/')).rejects.toBe(error); // the PAC stays stopped
    await ev.dispose();
  });

  it('an allocation loop runs into the memory maximum', async () => {
    const ev = await evaluator(pac('var a = []; while (true) a.push("x".repeat(100000) + a.length);'), { timeoutMs: 60_000, totalMs: 60_000 });
    const { error } = await failure(() => ev.find(URL_));
    expect(error.reason).toBe('memory');
    expect(error.message).toMatch(/ran out of memory \(the sandbox has 64 MB\)/);
    expect(runningPacWorkers()).toBe(0);
  });

  it('an allocation loop that swallows "out of memory" is stopped by the deadline or the memory maximum', async () => {
    const ev = await evaluator(pac('var a = []; while (true) { try { a.push(new Array(1e6).join("x")); } catch (e) { a = []; } }'));
    const { error } = await failure(() => ev.find(URL_));
    expect(['timeout', 'memory']).toContain(error.reason);
    expect(error.message).toMatch(/ran longer than 1000 ms|out of memory/);
  });

  it('objects too big for the sandbox (QuickJS cannot even build the error) count as memory', async () => {
    const ev = await evaluator(pac('var a = []; for (var i = 0; i < 5e6; i++) a.push({ k: i, s: "v" + i }); return a;'), { timeoutMs: 60_000, totalMs: 60_000 });
    const { error } = await failure(() => ev.find(URL_));
    expect(error.reason).toBe('memory');
  });

  it('top-level code that never returns is stopped while loading', async () => {
    const { error, loopFree } = await failure(() => evaluator(`while (true) {} ${pac('return "DIRECT";')}`));
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe("the PAC file's top-level code ran longer than 1500 ms and was stopped");
    expect(loopFree).toBe(true);
    expect(runningPacWorkers()).toBe(0);
  });

  it('a huge answer, a non-string answer and a throw are reported; the worker keeps serving', async () => {
    const ev = await evaluator(
      pac(`
      if (host == "huge.example") return "PROXY a:1;".repeat(1e6);
      if (host == "object.example") return { proxy: "a:1" };
      if (host == "throws.example") throw new Error("no rule for " + host + "x".repeat(100000));
      return "DIRECT";`),
    );
    try {
      const huge = await failure(() => ev.find('https://huge.example/'));
      expect(huge.error.reason).toBe('answer');
      expect(huge.error.message).toBe('FindProxyForURL returned 10000000 characters, more than 16 KB');
      const object = await failure(() => ev.find('https://object.example/'));
      expect(object.error).toMatchObject({ reason: 'answer', message: 'FindProxyForURL did not return a string (object)' });
      const thrown = await failure(() => ev.find('https://throws.example/'));
      expect(thrown.error.reason).toBe('throws');
      expect(thrown.error.message).toMatch(/^FindProxyForURL failed: no rule for throws\.examplex+…$/);
      expect(thrown.error.message.length).toBeLessThan(400);
      expect(await ev.find(URL_)).toBe('DIRECT');
    } finally {
      await ev.dispose();
    }
  });

  it('a PAC that does not compile, or defines no FindProxyForURL, says so', async () => {
    const syntax = await failure(() => evaluator(pac('return "DIRECT"').slice(0, -1)));
    expect(syntax.error.reason).toBe('compile');
    expect(syntax.error.message).toMatch(/^the PAC file does not compile: /);
    const none = await failure(() => evaluator('var x = 1;'));
    expect(none.error.reason).toBe('compile');
    expect(none.error.message).toMatch(/FindProxyForURL/);
    expect(runningPacWorkers()).toBe(0);
  });

  it('a PAC larger than the cap is refused before anything runs', async () => {
    const { error } = await failure(() => evaluator(`${pac('return "DIRECT";')}\n//${'x'.repeat(MAX_PAC_BYTES)}`));
    expect(error).toMatchObject({ reason: 'too-big', message: 'the PAC file is larger than 1024 KB' });
  });

  it('too much V8 memory while loading (the syntax tree of a big PAC) ends the worker with "memory"', async () => {
    const big = pac(Array.from({ length: 10_000 }, (_, i) => `if (shExpMatch(host, "*.d${i}.contoso.com")) return "PROXY p${i}:1";`).join('\n'));
    const resourceLimits = { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 };
    // The same limits are plenty for the worker itself and a small PAC: the big PAC is what fails.
    const small = await evaluator(pac('return "DIRECT";'), { resourceLimits });
    expect(await small.find(URL_)).toBe('DIRECT');
    await small.dispose();
    const { error } = await failure(() => evaluator(big, { compileMs: 60_000, resourceLimits }));
    expect(error.reason).toBe('memory');
    expect(error.message).toBe("the PAC file used more memory than the evaluator's 24 MB and was stopped");
    expect(runningPacWorkers()).toBe(0);
  });

  it('calls that are each fast enough but together too slow are stopped by the total budget', async () => {
    const ev = await evaluator(pac('var t = Date.now(); while (Date.now() - t < 400) {} return "DIRECT";'), { timeoutMs: 30_000, totalMs: 1000 });
    let error: PacError | undefined;
    for (let i = 0; i < 20 && !error; i++) {
      await ev.find(URL_).then(
        (answer) => expect(answer).toBe('DIRECT'),
        (e: unknown) => void (error = e as PacError),
      );
    }
    expect(error).toMatchObject({ reason: 'timeout', message: 'FindProxyForURL ran longer than 1000 ms in total and was stopped' });
    expect(runningPacWorkers()).toBe(0);
  });
});

describe('a worker stuck in a V8 RegExp (native code) is terminated', () => {
  const REGEX = `/^([^X]+)+X$/.test('a'.repeat(64))`;
  function standIn(name: string, body: string): string {
    const file = join(tempDir('pac-standin'), name);
    writeFileSync(file, `const { parentPort } = require('node:worker_threads');\nconst post = (m) => parentPort.postMessage(m);\n${body}\n`);
    return file;
  }

  it('during a call', async () => {
    const file = standIn('regex-call.cjs', `post({ type: 'loaded' }); post({ type: 'ready' }); parentPort.on('message', () => ${REGEX});`);
    const ev = await createPacEvaluator(pac('return "DIRECT";'), { workerFile: file, ...LIMITS });
    expect(runningPacWorkers()).toBe(1);
    const { error, loopFree } = await failure(() => ev.find(URL_));
    expect(error).toMatchObject({ reason: 'timeout', message: 'FindProxyForURL ran longer than 1000 ms and was stopped' });
    expect(loopFree).toBe(true);
    expect(runningPacWorkers()).toBe(0);
  });

  it('while loading', async () => {
    const file = standIn('regex-load.cjs', `post({ type: 'loaded' }); ${REGEX}; post({ type: 'ready' });`);
    const { error } = await failure(() => createPacEvaluator(pac('return "DIRECT";'), { workerFile: file, ...LIMITS }));
    expect(error).toMatchObject({ reason: 'timeout', message: "the PAC file's top-level code ran longer than 1500 ms and was stopped" });
    expect(runningPacWorkers()).toBe(0);
  });

  it('a worker that dies is reported, not waited for', async () => {
    const file = standIn('dies.cjs', `post({ type: 'loaded' }); post({ type: 'ready' }); parentPort.on('message', () => process.exit(3));`);
    const ev = await createPacEvaluator(pac('return "DIRECT";'), { workerFile: file, ...LIMITS });
    const { error } = await failure(() => ev.find(URL_));
    expect(error).toMatchObject({ reason: 'crashed', message: 'the PAC evaluator stopped unexpectedly' });
    expect(runningPacWorkers()).toBe(0);
  });
});

describe('fetching a PAC', () => {
  it('refuses what is not a readable file, and files over the cap', async () => {
    const dir = tempDir('pac-fetch');
    await expect(fetchPac(`file://${dir}/missing.pac`)).rejects.toMatchObject({ reason: 'unreachable', message: 'the PAC file cannot be read: ENOENT' });
    await expect(fetchPac(`file://${dir}`)).rejects.toMatchObject({ reason: 'unreachable', message: 'the PAC location is not a file' });
    await expect(fetchPac('file:///dev/zero')).rejects.toMatchObject({ reason: 'unreachable' });
    writeFileSync(join(dir, 'big.pac'), 'x'.repeat(MAX_PAC_BYTES + 1));
    await expect(fetchPac(`file://${dir}/big.pac`)).rejects.toMatchObject({ reason: 'too-big' });
    writeFileSync(join(dir, 'ok.pac'), pac('return "DIRECT";'));
    expect(await fetchPac(`file://${dir}/ok.pac`)).toBe(pac('return "DIRECT";'));
    await expect(fetchPac('ftp://example.com/x.pac')).rejects.toMatchObject({ reason: 'unreachable' });
  });

  it('firstPacEntry picks the first usable entry', () => {
    expect(firstPacEntry('SOCKS s:1; PROXY p:8080; DIRECT')).toEqual({ kind: 'proxy', hostPort: 'p:8080' });
    expect(firstPacEntry('DIRECT')).toEqual({ kind: 'direct' });
    expect(firstPacEntry('SOCKS5 s:1')).toEqual({ kind: 'unsupported', text: 'SOCKS5 s:1' });
  });
});
