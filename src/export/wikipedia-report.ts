/**
 * A report for Wikipedia editors (issue 12 §1): for each claim whose check found a problem, the maintenance template
 * that fits and the reason, as wikitext ready to paste on the article's talk page —
 * not supported → `{{failed verification}}`; partly supported → `{{failed verification}}` with "partly" in the
 * reason; page needed → `{{page needed}}`; no source → `{{citation needed}}`; source not accessible →
 * `{{better source needed}}` (a source no one can consult cannot carry the claim). Verified claims are listed as
 * such, without a template. Templates are dated with the month of the check, as Wikipedia's bots expect.
 *
 * Pure: `(input) => string`; never reads the clock.
 */
import type { ClaimCheck, VerificationStatus } from '../anchoring/verification.ts';
import { exportChecks } from './export-checks.ts';
import type { ExportInput } from './export-input.ts';

const TEMPLATE: Record<VerificationStatus, string | null> = {
  verified: null,
  'partly-supported': 'failed verification',
  'not-supported': 'failed verification',
  'page-needed': 'page needed',
  'needs-source': 'citation needed',
  'source-inaccessible': 'better source needed',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Text safe inside a template parameter or a wikitext line: no `|`, `{{`, `}}`, `[[`, `]]`, `<`, line breaks. */
function wikiSafe(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '&#124;')
    .replace(/\{\{|\}\}|\[\[|\]\]/g, (m) => m.split('').map((c) => `&#${c.charCodeAt(0)};`).join(''))
    .replace(/</g, '&lt;');
}

/** Why the template fits, in words, from the check. */
function reason(c: ClaimCheck): string {
  const where = c.label === null ? '' : ` source [${c.label}]${c.locator ? `, ${c.locator}` : ''}`;
  switch (c.status) {
    case 'not-supported':
      return `Checked against${where}: it does not support the claim.${c.passage ? ` The source says: "${c.passage}".` : ''}`;
    case 'partly-supported':
      return `Checked against${where}: it supports the claim only in part.${c.passage ? ` The source says: "${c.passage}".` : ''}`;
    case 'page-needed':
      return `Source [${c.label}] is cited without a page; the claim could not be found in it without one.`;
    case 'needs-source':
      return 'No source is cited for this claim.';
    case 'source-inaccessible':
      return `Source [${c.label}] could not be consulted, so the claim could not be checked against it.`;
    case 'verified':
      return `Verified against${where}.`;
  }
}

/** The report as wikitext (see the module comment). */
export function exportWikipediaReport(input: ExportInput): string {
  const checked = exportChecks(input);
  const lines: string[] = [
    `== Claims checked against their sources: ${wikiSafe(input.work.title)} ==`,
    `Checked with Apparatus against ${wikiSafe(input.work.source)}${input.work.revision ? ` (${wikiSafe(input.work.revision)})` : ''}; report of ${input.exportedAt.slice(0, 10)}.`,
    `${checked.length} of ${input.text.claims.length} claims checked.`,
    '',
  ];
  const problems = checked.filter(({ checks }) => checks.some((c) => TEMPLATE[c.status] !== null));
  const verified = checked.filter(({ checks }) => checks.every((c) => TEMPLATE[c.status] === null));
  lines.push('=== Claims that need attention ===');
  if (problems.length === 0) lines.push('None.');
  for (const { claim, checks } of problems) {
    lines.push(`* "${wikiSafe(claim.text)}"`);
    for (const c of checks) {
      const template = TEMPLATE[c.status];
      if (!template) continue;
      const [year, month] = c.date.split('-');
      const date = `${MONTHS[Number(month) - 1]} ${year}`;
      lines.push(`** <nowiki>{{${template}|date=${date}|reason=${wikiSafe(reason(c))}}}</nowiki> — ${wikiSafe(c.checker)}, ${c.date}`);
    }
  }
  lines.push('', '=== Claims verified ===');
  if (verified.length === 0) lines.push('None.');
  for (const { claim, checks } of verified) {
    lines.push(`* "${wikiSafe(claim.text)}" — ${checks.map((c) => `${wikiSafe(reason(c))} (${wikiSafe(c.checker)}, ${c.date})`).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
