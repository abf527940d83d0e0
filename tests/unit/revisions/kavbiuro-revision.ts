/**
 * The Kavbiuro article (corpus/kavbiuro/text.txt) revised by hand-written edits, each one a behaviour of the
 * evidence diff: a reworded lead with an exact copy of its old words planted elsewhere, a date corrected, a sentence
 * deleted, a [citation needed] added, a citation removed, a reference's pages and handle changed, a paragraph moved.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The path and text of the Kavbiuro article. */
export const kavbiuroPath = fileURLToPath(new URL('../../../corpus/kavbiuro/text.txt', import.meta.url));
export const kavbiuro = readFileSync(kavbiuroPath, 'utf8');

/** `text` with the one occurrence of `from` replaced by `to` (throws unless `from` occurs exactly once). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected one occurrence of ${String(from).slice(0, 80)}, found ${count}`);
  return text.replace(from, to);
}

export const OLD_LEAD = 'Kavbiuro was an organisation set up by the Bolsheviks in April 1920 to supervise the subordination of Caucasia to the Russian Communist Party (Bolshevik).';
export const NEW_LEAD = 'Kavbiuro was a body created by the Bolsheviks in April 1920 to oversee the subordination of Caucasia to the Russian Communist Party (Bolshevik).';

/** The Kavbiuro text revised: every edit a behaviour of the diff. */
export function reviseKavbiuro(text: string): string {
  let t = text;
  // Reworded lead, and an exact copy of its old wording planted before the quotation.
  t = replaceOnce(t, OLD_LEAD, NEW_LEAD);
  t = replaceOnce(t, '\n\n"the last session', `\n\n${OLD_LEAD}\n\n"the last session`);
  // A date corrected; a sentence deleted; [citation needed] added.
  t = replaceOnce(t, 'on 3 July 1920', 'on 4 July 1920');
  t = replaceOnce(t, ' Under Tsarist rule the area had been administered from Baku.', '');
  t = replaceOnce(t, 'by the British.', 'by the British.[citation needed]');
  // The citation after the quotation removed.
  t = replaceOnce(t, 'kerosene."[2]', 'kerosene."');
  // The reference's pages changed and its handle removed.
  t = replaceOnce(t, '481–506. hdl:2027/spo.act2080.0028.004:03.', '481–507.');
  // The paragraph on the set-up moved after the Karabagh paragraph.
  const moved = /\n\nKavbiuro was set up on 8 April[^\n]*\n/.exec(t)![0];
  t = replaceOnce(t, moved, '\n');
  t = replaceOnce(t, 'Aleksandr Myasnikyan described the Kavbiuro meeting:\n', `Aleksandr Myasnikyan described the Kavbiuro meeting:\n${moved}`);
  return t;
}

