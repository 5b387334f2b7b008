// The sandbox's hard memory maximum is written into the WebAssembly binary's memory section:
// checked on a minimal hand-made module (grow past the maximum fails, below it works) and on
// QuickJS itself (it still compiles and runs a PAC).
import { describe, expect, it } from 'vitest';
import { PacError, openPacSandbox, quickJsModule, withMemoryMaximum } from '../../../../src/main/network/pac-worker-sandbox';

// (module (memory (export "mem") 1)): magic, version, memory section, export section.
const TINY = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 7, 1, 3, 0x6d, 0x65, 0x6d, 2, 0]);

function memoryOf(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Memory {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.mem as WebAssembly.Memory;
}

describe('withMemoryMaximum', () => {
  it('gives an unbounded memory a maximum: growing past it fails', () => {
    expect(memoryOf(TINY).grow(10)).toBe(1); // no maximum before
    const capped = memoryOf(withMemoryMaximum(TINY, 4));
    expect(capped.grow(3)).toBe(1);
    expect(() => capped.grow(1)).toThrow(RangeError);
    expect(capped.buffer.byteLength).toBe(4 * 65536);
  });

  it('keeps a lower existing maximum, and refuses what it does not understand', () => {
    const withMax = Uint8Array.from([...TINY.slice(0, 8), 5, 4, 1, 1, 1, 2, ...TINY.slice(13)]);
    expect(() => memoryOf(withMemoryMaximum(withMax, 100)).grow(2)).toThrow(RangeError);
    expect(() => withMemoryMaximum(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 4)).toThrow(/not a WebAssembly module/);
    expect(() => withMemoryMaximum(TINY.slice(0, 8), 4)).toThrow(/declares no memory/);
    expect(() => withMemoryMaximum(TINY, 0)).toThrow(/needs 1 pages/);
  });

  it('QuickJS with the maximum still runs a PAC, and stops one that wants more', async () => {
    const sandbox = await openPacSandbox('function FindProxyForURL(url, host) { return host == "a.b" ? "PROXY p:1" : "x".repeat(1e8); }', await quickJsModule(), 1000);
    try {
      expect(await sandbox.find('https://a.b/', 1000)).toBe('PROXY p:1');
      const error = await sandbox.find('https://c.d/', 60_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PacError);
      expect(error).toMatchObject({ reason: 'memory' });
      expect(await sandbox.find('https://a.b/', 1000)).toBe('PROXY p:1'); // the sandbox survives
    } finally {
      sandbox.dispose();
    }
  });
});
