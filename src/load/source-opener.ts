/**
 * Checks and imports one source opened with "Open…" (the same work on the page or in the source-open worker): the
 * bytes pass `sourceBytesProblem` (size, UTF-8), are imported in their format (`importSourceLazily`) and hashed;
 * the answer is a summary (source-open-messages.ts), the bytes sent back. Never throws: failures are answers that
 * say what and where.
 */
import { sourceBytesProblem } from '../library/source-bytes.ts';
import { coverageOf } from '../model/coverage.ts';
import { ImportError } from '../model/import-error.ts';
import { sha256Hex } from '../model/work.ts';
import { importSourceLazily } from '../sources/import-source-lazily.ts';
import type { FromOpenWorker, OpenRequest } from './source-open-messages.ts';

/** Handles `open` requests, answering through `post` (`transfer`: the buffers to hand over, not copy). */
export async function openSourceBytes(request: OpenRequest, post: (m: FromOpenWorker, transfer?: Transferable[]) => void): Promise<void> {
  const { origin } = request;
  const bytes = new Uint8Array(request.bytes);
  const problem = sourceBytesProblem(bytes, origin);
  if (problem) {
    post({ type: 'failed', message: `${problem} Nothing was added to the library.` });
    return;
  }
  post({ type: 'progress', progress: { stage: 'checked', fraction: 0.1 } });
  try {
    const { format, imported } = await importSourceLazily(bytes, { origin, ...(request.format ? { format: request.format } : {}) });
    const { direct, inherited, none } = coverageOf(imported.claims);
    post({ type: 'progress', progress: { stage: 'imported', fraction: 0.9 } });
    const sha256 = await sha256Hex(bytes);
    post({ type: 'progress', progress: { stage: 'hashed', fraction: 1 } });
    post(
      {
        type: 'done',
        summary: {
          format,
          sha256,
          ...(imported.meta ? { meta: imported.meta } : {}),
          blocks: imported.blocks.length,
          claims: imported.claims.length,
          references: imported.references.length,
          coverage: { direct, inherited, none },
          sections: imported.blocks.filter((b) => b.type === 'heading').length,
          ...(imported.report ? { report: imported.report } : {}),
          problems: imported.problems.map((p) => p.message),
        },
        bytes: request.bytes,
      },
      [request.bytes],
    );
  } catch (e) {
    const where = e instanceof ImportError ? ` (line ${e.line}, column ${e.column})` : '';
    const message = e instanceof ImportError ? e.message.replace(/ \(line \d+, column \d+\)$/, '') : (e as Error).message;
    post({ type: 'failed', message: `${origin} cannot be read${where}: ${message}. Nothing was added to the library.` });
  }
}
