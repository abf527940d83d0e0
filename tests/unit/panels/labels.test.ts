import { describe, expect, test } from 'vitest';
import { CERTAINTIES, MOTIVATIONS, VERDICTS } from '../../../src/anchoring/annotation-types.ts';
import { CERTAINTY_LABEL, MOTIVATION_LABEL, safeHref, VERDICT_LABEL } from '../../../src/panels/note-labels.ts';
import { SUPPORT_EXPLANATION, SUPPORT_LABEL } from '../../../src/panels/support-labels.ts';

describe('safeHref: only http(s) URLs become links', () => {
  test.each(['https://example.org/a?b=c#d', 'http://example.org', 'HTTPS://EXAMPLE.ORG/'])('%s is a link', (url) => {
    expect(safeHref(url)).toBe(url);
  });
  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//example.org/protocol-relative',
    '/relative/path',
    'https://',
    'https://example.org/with space',
    ' https://example.org/leading-space',
    'https://example.org/\njavascript:alert(1)',
    '',
  ])('%j is not', (url) => {
    expect(safeHref(url)).toBeNull();
  });
});

describe('labels', () => {
  test('every motivation, verdict and certainty has its own words', () => {
    for (const list of [MOTIVATIONS.map((m) => MOTIVATION_LABEL[m]), VERDICTS.map((v) => VERDICT_LABEL[v]), CERTAINTIES.map((c) => CERTAINTY_LABEL[c])]) {
      expect(list.every((l) => typeof l === 'string' && l.length > 0)).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
  });
  test('each support level has a label and an explanation, all different', () => {
    const levels = ['direct', 'inherited', 'none'] as const;
    expect(new Set(levels.map((s) => SUPPORT_LABEL[s])).size).toBe(3);
    expect(new Set(levels.map((s) => SUPPORT_EXPLANATION[s])).size).toBe(3);
    expect(SUPPORT_LABEL.none).toBe('No source');
  });
});
