/**
 * `node --cpu-prof bench/out/profile.js PHASE [N]` (after `npm run bench` has bundled it): runs one benchmark phase
 * N times (default 5) on the benchmark book so that a CPU profile shows where its time goes.
 * PHASE: import | importText | buildDoc | anchor | reanchor | baseline | tei | jsonld.
 * `node bench/out/profile.js wrong [anchor|baseline]` instead prints every wrongly re-anchored annotation.
 */
import { optionalModules } from 'virtual:bench-optional';
import { fileURLToPath } from 'node:url';
import type { Annotation } from '../src/anchoring/annotation-types.ts';
import type { AnchorResult } from '../src/anchoring/anchor-result.ts';
import type { ExportInput } from '../src/export/export-input.ts';
import { buildDoc } from '../src/model/build-doc.ts';
import { importText } from '../src/model/import-text.ts';
import { baselineAnchorAll } from './hypothesis-baseline.ts';
import { makeFixture } from './make-fixture.ts';
import { readCorpora } from './read-corpora.ts';
import { isRight } from './score-anchors.ts';

type AnchorAll = (text: string, annotations: readonly Annotation[]) => Map<string, AnchorResult>;
type Exporter = (input: ExportInput) => string;

async function main(): Promise<void> {
  const [phase = 'import', count = '5'] = process.argv.slice(2);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const corpora = readCorpora(root);
  if (!corpora) throw new Error('no corpora');
  const f = makeFixture(corpora, { seed: 20261124, targetBytes: 1_000_000, annotations: 10_000 });
  const bytes = new TextEncoder().encode(f.book.file);
  const imported = importText(bytes, { language: 'en' });
  const load = async <F,>(path: string, name: string): Promise<F> => {
    const loader = optionalModules[path];
    if (!loader) throw new Error(`${path} is not available`);
    return (await loader())[name] as F;
  };
  const anchorAll = () => load<AnchorAll>('src/anchoring/anchor.ts', 'anchorAll');
  const input = async (): Promise<ExportInput> => ({
    work: { id: 'bench-book', title: 'Bench', language: 'en', source: 'bench', iri: f.source, licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'Wikipedia contributors', sha256: '0'.repeat(64) },
    text: imported,
    annotations: f.annotations,
    anchors: optionalModules['src/anchoring/anchor.ts'] ? (await anchorAll())(f.book.canonical, f.annotations) : new Map(),
    exportedAt: '2026-01-01T00:00:00Z',
  });
  const tasks: Record<string, () => Promise<() => unknown>> = {
    import: async () => () => buildDoc(importText(bytes, { language: 'en' })),
    importText: async () => () => importText(bytes, { language: 'en' }),
    buildDoc: async () => () => buildDoc(imported),
    anchor: async () => { const a = await anchorAll(); return () => a(f.book.canonical, f.annotations); },
    reanchor: async () => { const a = await anchorAll(); return () => a(f.revision.canonical, f.annotations); },
    baseline: async () => () => baselineAnchorAll(f.revision.canonical, f.annotations),
    tei: async () => { const e = await load<Exporter>('src/export/tei.ts', 'exportTei'); const i = await input(); return () => e(i); },
    jsonld: async () => { const e = await load<Exporter>('src/export/jsonld.ts', 'exportJsonLd'); const i = await input(); return () => e(i); },
  };
  if (phase === 'wrong') {
    const results = count === 'baseline' ? baselineAnchorAll(f.revision.canonical, f.annotations) : (await anchorAll())(f.revision.canonical, f.annotations);
    f.revision.truth.forEach((t, i) => {
      const a = f.annotations[i]!;
      const r = results.get(a.id);
      if (isRight(t, r)) return;
      const range = f.ranges[i]!;
      const show = (s: number, e: number) => JSON.stringify(f.revision.canonical.slice(s, e));
      process.stdout.write(`${a.id} ${t.kind} expect=${t.expect} editRatio=${t.editRatio.toFixed(2)}\n  quote  ${JSON.stringify(f.book.canonical.slice(range.start, range.end))} @${range.start}\n` +
        `  truth  ${t.range ? `${show(t.range.start, t.range.end)} @${t.range.start}` : '(nothing survives)'}\n` +
        `  got    ${r?.status} ${r?.score.toFixed(3)} ${r && r.status !== 'orphan' ? `${show(r.start, r.end)} @${r.start}` : ''}\n`);
    });
    return;
  }
  const make = tasks[phase];
  if (!make) throw new Error(`unknown phase ${phase}; one of ${Object.keys(tasks).join(', ')}`);
  const task = await make();
  for (let i = 0; i < Number(count); i++) {
    const t0 = performance.now();
    task();
    process.stderr.write(`${phase} #${i + 1}: ${(performance.now() - t0).toFixed(1)} ms\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`profile: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
