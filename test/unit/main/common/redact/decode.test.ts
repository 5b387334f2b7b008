import { describe, expect, it } from 'vitest';
import { decodedViews, decodeFully, decodeOnce, MAX_VIEWS, originOf, rawView } from '../../../../../src/main/common/redact/decode';
import { looseDecode, rng } from '../../../../support/planted-secrets';

const texts = (text: string) => decodedViews(text).map((v) => v.text);

describe('decoded views', () => {
  it('undo percent-encoding, once and twice', () => {
    expect(texts('sig=abc%2Bdef%3D')).toEqual(['sig=abc%2Bdef%3D', 'sig=abc+def=']);
    expect(texts('password%253Dx')).toEqual(['password%253Dx', 'password%3Dx', 'password=x']);
    expect(texts('passw%6Frd=x')).toContain('password=x');
  });

  it('undo JSON escapes (quotes, backslashes, \\u, \\x, control characters), once and twice', () => {
    expect(texts('{\\"client_secret\\":\\"s\\"}')).toContain('{"client_secret":"s"}');
    expect(texts('{\\\\\\"password\\\\\\":1}')).toEqual(['{\\\\\\"password\\\\\\":1}', '{\\"password\\":1}', '{"password":1}']);
    expect(decodeFully('\\u0070ass\\x77ord\\n\\t\\/')).toBe('password\n\t/');
  });

  it('undo HTML entities, named and numeric', () => {
    expect(decodeFully('&quot;pin&quot;&#58;&#x22;1&#34; a&amp;b &lt;x&gt; &#39;')).toBe('"pin":"1" a&b <x> \'');
  });

  it('leave what is not an encoding alone', () => {
    for (const s of ['100%', '%zz', 'C:\\Users\\Q', 'a & b; c', '&notanentity;', '\\', '&#xZZ;', '&#0;']) expect(decodeFully(s)).toBe(s);
    expect(decodeOnce(rawView('plain text, nothing to undo'), 'percent')).toBeUndefined();
  });

  it('give back each layer when kinds interleave (a JSON line percent-encoded with its \\" left as they were)', () => {
    const encoded = '%7B%22password%22%3A%22a\\"b%22%7D'; // the \" inside the value stays as it was
    expect(texts(encoded)).toContain('{"password":"a\\"b"}');
  });

  it('map every character of every view back to the characters of the original it came from', () => {
    const r = rng(42);
    const pieces = ['a', 'Z', '=', '"', '%', '&', '\\', ' ', 'é'];
    const enc = [
      (c: string) => c,
      (c: string) => encodeURIComponent(c),
      (c: string) => encodeURIComponent(encodeURIComponent(c)),
      (c: string) => JSON.stringify(c).slice(1, -1),
      (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      (c: string) => `&#${c.charCodeAt(0)};`,
    ];
    const wrong: string[] = [];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 12 }, () => enc[Math.floor(r() * enc.length)]!(pieces[Math.floor(r() * pieces.length)]!)).join('');
      for (const view of decodedViews(text)) {
        if (originOf(view, 0) !== 0 || originOf(view, view.text.length) !== text.length) wrong.push(`${text}: ends`);
        for (let i = 0; i < view.text.length; i++) {
          const from = text.slice(originOf(view, i), originOf(view, i + 1));
          // The original characters behind view character i are it, or an encoding of it.
          if (!from || !looseDecode(from).includes(view.text[i]!)) wrong.push(`${JSON.stringify(text)} view ${JSON.stringify(view.text)} char ${i} <- ${JSON.stringify(from)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('are bounded in number whatever the nesting', () => {
    let text = 'password=x';
    for (let i = 0; i < 12; i++) text = i % 3 === 0 ? encodeURIComponent(text) : i % 3 === 1 ? JSON.stringify(text) : text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    expect(decodedViews(text).length).toBeLessThanOrEqual(MAX_VIEWS);
  });
});
