/**
 * Issue 9 §8: importing Wikipedia HTML against a bare parse of the same bytes by the parser the adapters use
 * (htmlparser2 + domhandler, src/sources/html-tree.ts), measured side by side in one run: for each file, the two
 * tasks alternate run by run (so both see the same load of the machine) and their medians are compared. Both
 * start from the file's bytes (UTF-8 decoding included in both).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHtml } from '../src/sources/html-tree.ts';
import { importSource } from '../src/sources/import-source.ts';
import { median, round } from './measure.ts';

/** The measured files, under ../shared/sources (or `$APPARATUS_SOURCES`). */
export const HTML_FILES = ['wikipedia-page/new-zealand.html', 'wikipedia-parsoid/dog.html'];

export interface HtmlFigures {
  /** MB/s over both files (total bytes / total of the median times). */
  import_html_mb_per_s: number;
  parse_html_mb_per_s: number;
  /** import / parse speed; the target is ≥ 1/3. */
  import_html_ratio: number;
  files: { file: string; bytes: number; import_ms: number; parse_ms: number; import_mb_per_s: number; parse_mb_per_s: number; ratio: number }[];
}

/** Measures each file `runs` times (after one warm-up of each task), or returns null when the files are absent. */
export function measureHtmlImport(root: string, runs: number, log: (line: string) => void): HtmlFigures | null {
  const dir = process.env['APPARATUS_SOURCES'] ?? join(root, '..', 'shared', 'sources');
  if (!HTML_FILES.every((f) => existsSync(join(dir, f)))) return null;
  const files: HtmlFigures['files'] = [];
  for (const file of HTML_FILES) {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const parse = () => parseHtml(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    const imp = () => importSource(bytes);
    parse();
    imp();
    const parseRuns: number[] = [];
    const importRuns: number[] = [];
    for (let i = 0; i < Math.max(1, runs); i++) {
      let t = performance.now();
      parse();
      parseRuns.push(performance.now() - t);
      t = performance.now();
      imp();
      importRuns.push(performance.now() - t);
    }
    const importMs = median(importRuns);
    const parseMs = median(parseRuns);
    const mb = bytes.length / 1e6;
    files.push({
      file,
      bytes: bytes.length,
      import_ms: round(importMs, 1),
      parse_ms: round(parseMs, 1),
      import_mb_per_s: round(mb / (importMs / 1000), 2),
      parse_mb_per_s: round(mb / (parseMs / 1000), 2),
      ratio: round(parseMs / importMs, 3),
    });
    log(`  ${file}: import ${importMs.toFixed(1)} ms, bare parse ${parseMs.toFixed(1)} ms (import at ${((parseMs / importMs) * 100).toFixed(0)}% of parse speed)`);
  }
  const totalMb = files.reduce((s, f) => s + f.bytes, 0) / 1e6;
  const importS = files.reduce((s, f) => s + f.import_ms, 0) / 1000;
  const parseS = files.reduce((s, f) => s + f.parse_ms, 0) / 1000;
  return {
    import_html_mb_per_s: round(totalMb / importS, 2),
    parse_html_mb_per_s: round(totalMb / parseS, 2),
    import_html_ratio: round(parseS / importS, 3),
    files,
  };
}
