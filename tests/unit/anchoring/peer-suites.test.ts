/**
 * The engine held to its peers' own test suites: Hypothesis's quote-matcher cases and Apache Annotator's
 * text-quote and text-position cases (restated in hypothesis-match-quote-cases.ts and apache-annotator-cases.ts,
 * which cite where each comes from). A case that differs by our contract asserts what we do instead.
 */
import { describe as group, expect, test } from 'vitest';
import { anchor, ORPHAN_THRESHOLD } from '../../../src/anchoring/anchor.ts';
import type { TextQuoteSelector } from '../../../src/anchoring/annotation-types.ts';
import { matchQuote } from '../../../src/anchoring/match-quote.ts';
import { apachePositionCases, apacheQuoteCases } from './apache-annotator-cases.ts';
import { hypothesisCases } from './hypothesis-match-quote-cases.ts';

const SOURCE = 'urn:test:peer';

group("Hypothesis's match-quote cases", () => {
  test.each(hypothesisCases)('$kind: $from', (c) => {
    switch (c.kind) {
      case 'match': {
        const m = matchQuote(c.text, c.quote, c.context ?? {});
        expect(m).not.toBeNull();
        expect(c.text.slice(m!.start, m!.end)).toBe(c.slice);
        if (c.startsAt !== undefined) expect(m!.start).toBe(c.text.indexOf(c.startsAt));
        if (c.score === 'one') expect(m!.score).toBe(1);
        if (c.score === 'partial') expect(m!.score > 0 && m!.score < 1).toBe(true);
        return;
      }
      case 'none':
        expect(matchQuote(c.text, c.quote, {})).toBeNull();
        return;
      case 'ranking': {
        const scores = c.values.map((v) => {
          const m = c.vary === 'quote' ? matchQuote(c.text, v, {}) : matchQuote(c.text, c.quote!, { [c.vary]: v });
          expect(m).not.toBeNull();
          return m!.score;
        });
        for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
        return;
      }
      case 'hints': {
        const places = c.candidates.map(({ after, words }) => c.text.indexOf(after + words) + after.length);
        for (const at of places) expect(matchQuote(c.text, c.quote, { hint: at })?.start).toBe(at);
        expect(matchQuote(c.text, c.quote, {})?.start).toBe(Math.min(...places));
      }
    }
  });
});

group("Apache Annotator's text-quote cases", () => {
  test.each(apacheQuoteCases)('$name', (c) => {
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact: c.exact };
    if (c.prefix !== undefined) selector.prefix = c.prefix;
    if (c.suffix !== undefined) selector.suffix = c.suffix;
    const r = anchor(c.text, { source: SOURCE, selector: [selector] }, 'urn:test:note');
    const wanted = c.differs ? c.differs.ours : (c.expected[0] ?? null);
    if (wanted === null) {
      expect(r.status).toBe('orphan');
      expect(r.score).toBeLessThan(ORPHAN_THRESHOLD);
      return;
    }
    // Found verbatim with its context, or — for an empty quote — placed by its context, which holds there.
    expect({ status: r.status, span: [r.start, r.end] }).toEqual({ status: 'exact', span: wanted });
    expect(r.quote).toBe(c.exact);
  });
});

group("Apache Annotator's text-position cases (positions in code points)", () => {
  test.each(apachePositionCases)('$name', (c) => {
    const r = anchor(c.text, { source: SOURCE, selector: [{ type: 'TextPositionSelector', start: c.start, end: c.end }] }, 'urn:test:note');
    // A position alone cannot be verified: it is taken as it stands, at the threshold score.
    expect({ status: r.status, span: [r.start, r.end] }).toEqual({ status: 'fuzzy', span: c.expected });
    expect(r.quote).toBe(c.text.slice(...c.expected));
  });
});
