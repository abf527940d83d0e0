/**
 * `apparatus push|pull WORK [--server URL] [--dir annotations]`: moves annotations/<work>.jsonld to and from a
 * server. Credentials: $APPARATUS_USER and $APPARATUS_PASSWORD, or the password on standard input with
 * `--password-stdin` (and `--user NAME`).
 *
 * push: every valid annotation of the file is created at its own id (`PUT` with `If-None-Match: *`); one already
 * on the server with the same content counts as there, one that differs is reported (never overwritten) and the
 * command fails. pull: writes the annotations the account may see as one AnnotationCollection (atomically).
 */
import { UsageError, parseArgs, type CliCommand } from './cli-io.ts';
import { parseAnnotationFile } from '../anchoring/annotation-file.ts';
import { describeRejection } from '../anchoring/selectors.ts';
import { ANNOTATION_CONTEXT } from '../anchoring/annotation-types.ts';

const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const SERVER_FIELDS = ['creator', 'apparatus:visibility', 'apparatus:group', 'apparatus:hidden', '@context'];

export const pushPullCommand = (direction: 'push' | 'pull'): CliCommand => async (args, io) => {
  const { positional, values, switches } = parseArgs(args, ['password-stdin'], ['server', 'user', 'dir', 'visibility', 'group']);
  const [work] = positional;
  if (!work || positional.length !== 1 || !/^[A-Za-z0-9_.-]+$/.test(work)) throw new UsageError(`${direction} needs one WORK name`);
  const server = (values.get('server') ?? process.env['APPARATUS_SERVER'] ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
  const user = values.get('user') ?? process.env['APPARATUS_USER'];
  const password = switches.has('password-stdin') ? new TextDecoder().decode(await io.readStdin()).replace(/\r?\n$/, '') : process.env['APPARATUS_PASSWORD'];
  if (!user || password === undefined) throw new UsageError('give credentials: --user NAME --password-stdin, or $APPARATUS_USER and $APPARATUS_PASSWORD');
  const file = `${values.get('dir') ?? 'annotations'}/${work}.jsonld`;
  const signIn = await fetch(`${server}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: user, password }) });
  if (signIn.status !== 200) {
    io.stderr(`apparatus ${direction}: signing in to ${server} as ${user} failed (${signIn.status})\n`);
    return 1;
  }
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const container = `${server}/api/annotations/${encodeURIComponent(work)}/`;
  if (direction === 'pull') {
    const items: unknown[] = [];
    let next: string | undefined = `${container}?page=0`;
    const head = await fetch(container, { headers: { cookie, prefer: 'return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer"' } });
    const total = ((await head.json()) as { total?: number }).total ?? 0;
    while (next && total > 0) {
      const res: Response = await fetch(next, { headers: { cookie } });
      if (res.status !== 200) {
        io.stderr(`apparatus pull: ${next} answered ${res.status}\n`);
        return 1;
      }
      const page = (await res.json()) as { items: unknown[]; next?: string };
      items.push(...page.items);
      next = page.next;
    }
    const collection = { '@context': ANNOTATION_CONTEXT, id: container, type: 'AnnotationCollection', label: `Annotations on ${work}`, total: items.length, first: { id: `${container}?page=0`, type: 'AnnotationPage', startIndex: 0, items } };
    await io.writeFile(file, `${JSON.stringify(collection, null, 2)}\n`);
    io.stdout(`pulled ${items.length} annotations into ${file}\n`);
    return 0;
  }
  const parsed = parseAnnotationFile(new TextDecoder().decode(await io.readFile(file)), file);
  for (const r of parsed.rejected) io.stderr(`apparatus push: skipped: ${describeRejection(r, file)}\n`);
  const visibility = values.get('visibility') ?? 'private';
  let created = 0;
  let same = 0;
  const conflicts: string[] = [];
  for (const a of parsed.annotations) {
    const id = a.id.split(/[/:#]/).filter(Boolean).at(-1)!;
    const body = { ...a, 'apparatus:visibility': visibility, ...(values.has('group') ? { 'apparatus:group': values.get('group') } : {}) };
    const res = await fetch(`${container}${encodeURIComponent(id)}`, { method: 'PUT', headers: { cookie, 'content-type': ANNO, 'if-none-match': '*' }, body: JSON.stringify(body) });
    if (res.status === 201) created++;
    else if (res.status === 412 && sameContent((await res.json()) as Record<string, unknown>, body)) same++;
    else conflicts.push(`${a.id}: ${res.status} ${res.status === 412 ? 'a different version is on the server (not overwritten)' : await res.text()}`);
  }
  io.stdout(`pushed ${created} new, ${same} already there, ${conflicts.length} refused, ${parsed.rejected.length} invalid skipped\n`);
  for (const c of conflicts) io.stderr(`apparatus push: ${c}\n`);
  return conflicts.length || parsed.rejected.length ? 1 : 0;
};

/** Equal apart from the fields the server sets, whatever the key order (PostgreSQL's jsonb reorders keys). */
function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const strip = (o: Record<string, unknown>) => canonical(Object.fromEntries(Object.entries(o).filter(([k]) => !SERVER_FIELDS.includes(k))));
  return strip(a) === strip(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
