/**
 * The XSS payload fixture is what the browser test relies on: at least 100 distinct payloads, each carrying the
 * statement that sets `__xss` to its own number (literally, entity-encoded or base64-encoded), so that a payload
 * that ran can be named.
 */
import { describe, expect, test } from 'vitest';
import { MARKUP_PAYLOADS, URL_PAYLOADS, XSS_PAYLOADS, payloadId } from '../../fixtures/reliability/xss-payloads.ts';

/** `s` with numeric character references decoded and base64 runs decoded beside it. */
function decoded(s: string): string {
  const refs = s.replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)));
  const b64 = [...s.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)].map((m) => Buffer.from(m[0], 'base64').toString('latin1'));
  return [s, refs, ...b64].join('\n');
}

describe('XSS payloads', () => {
  test('at least 100, all distinct, markup and URL kinds', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(XSS_PAYLOADS.map((p) => p.value)).size).toBe(XSS_PAYLOADS.length);
    expect(new Set(XSS_PAYLOADS.map((p) => p.n)).size).toBe(XSS_PAYLOADS.length);
    expect(MARKUP_PAYLOADS.length).toBeGreaterThanOrEqual(90);
    expect(URL_PAYLOADS.length).toBeGreaterThanOrEqual(8);
  });

  test('each payload sets __xss to its own number', () => {
    const wrong = XSS_PAYLOADS.filter((p) => !new RegExp(`__xss=${p.n}(?!\\d)`).test(decoded(p.value))).map((p) => `#${p.n} ${p.what}`);
    expect(wrong).toEqual([]);
  });

  test('payload ids are IRIs (no white space) and distinct', () => {
    const ids = XSS_PAYLOADS.map(payloadId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^urn:xss:\d+:\S+$/);
  });
});
