/**
 * The reader's one key table: every key binding, from which the editor's keymap (`readerKeymap`), the container's
 * own keys (`readerRequestOf`, for keys that work anywhere in the reader) and the key help shown in the legend and
 * README (`keyHelp`) are all made.
 *
 * Keys are written in ProseMirror's notation (`Mod-Alt-m`, `Alt-ArrowDown`; `Mod` is Ctrl, or Cmd on a Mac).
 */
import { keymap } from 'prosemirror-keymap';
import type { Command, Plugin } from 'prosemirror-state';
import { redoNotes, undoNotes } from './annotation-commands.ts';
import { nextUncheckedClaim } from './check-commands.ts';
import { nextClaim, previousClaim } from './commands.ts';

/**
 * What the reader container does for a key: open the note form on the selection (wherever the focus is in the
 * reader), show the reference of the footnote marker at the caret (in the text), list every key (anywhere but a
 * field being typed in).
 */
export type ReaderRequest = 'annotate' | 'footnote' | 'keys';

/**
 * One binding: `keys` (the first ones are shown in the help; `hidden` ones work too), what it `does` (for the help),
 * and either an editor `command` (active while the text has the focus) or a container `request`.
 */
export type ReaderKey = { keys: readonly string[]; hidden?: readonly string[]; does: string } & ({ command: Command } | { request: ReaderRequest });

/** Every key binding of the reader, in the order the help lists them. */
export const READER_KEYS: readonly ReaderKey[] = [
  { keys: [']', 'Alt-ArrowDown'], does: 'next claim', command: nextClaim },
  { keys: ['[', 'Alt-ArrowUp'], does: 'previous claim', command: previousClaim },
  { keys: ['Alt-u'], does: 'next claim not yet checked', command: nextUncheckedClaim },
  { keys: ['Mod-Alt-m'], does: 'annotate selection', request: 'annotate' },
  { keys: ['Mod-z'], does: 'undo a change to the notes', command: undoNotes },
  { keys: ['Mod-Shift-z'], hidden: ['Mod-y'], does: 'redo a change to the notes', command: redoNotes },
  { keys: ['Enter'], does: 'show the reference of the footnote marker at the caret', request: 'footnote' },
  { keys: ['?'], does: 'list every key', request: 'keys' },
];

/**
 * Keys bound by the panels themselves (not through this table), listed with the table's in the key list so that it
 * names every key.
 */
export const PANEL_KEY_HELP: readonly KeyHelp[] = [
  { keys: ['Esc'], does: 'close the reference, the key list or (on a phone) the provenance sheet; focus returns to the text' },
  { keys: ['←', '→'], does: 'move between the list tabs (Contents, Notes, Claims, Timeline)' },
  { keys: ['↑', '↓', 'Home', 'End'], does: 'move in the contents; Enter goes to the section' },
  { keys: ['↑', '↓'], does: 'on the provenance sheet\'s handle (phone): make the sheet taller or shorter' },
];

/** One line of the key help: the keys as people write them (`Ctrl+Alt+M`, `Alt+↓`) and what they do. */
export interface KeyHelp {
  keys: readonly string[];
  does: string;
}

const KEY_WORDS: Record<string, string> = { Mod: 'Ctrl', ArrowDown: '↓', ArrowUp: '↑', ArrowLeft: '←', ArrowRight: '→' };

/** A key in ProseMirror's notation as people write it: `Mod-Shift-z` → `Ctrl+Shift+Z`, `Alt-ArrowDown` → `Alt+↓`. */
export function keyLabel(key: string): string {
  const parts = key.split(/-(?!$)/);
  return parts.map((p) => KEY_WORDS[p] ?? (p.length === 1 ? p.toUpperCase() : p)).join('+');
}

/** The key help of `keys` (hidden aliases left out), one line per binding. */
export function keyHelp(keys: readonly ReaderKey[] = READER_KEYS): KeyHelp[] {
  return keys.map((k) => ({ keys: k.keys.map(keyLabel), does: k.does }));
}

/** The key help as one sentence (`` `]` or `Alt+↓` next claim; … ``), as README's "Keys" item begins. */
export function keyHelpSentence(keys: readonly ReaderKey[] = READER_KEYS): string {
  return keyHelp(keys)
    .map((h) => `${h.keys.map((k) => `\`${k}\``).join(' or ')} ${h.does}`)
    .join('; ');
}

/** The editor keymap of every binding with a command (its shown and hidden keys). */
export function readerKeymap(keys: readonly ReaderKey[] = READER_KEYS): Plugin {
  const bindings: Record<string, Command> = {};
  for (const k of keys) if ('command' in k) for (const key of [...k.keys, ...(k.hidden ?? [])]) bindings[key] = k.command;
  return keymap(bindings);
}

/**
 * Whether `event` is `key` (ProseMirror notation). `Mod` matches Ctrl or Cmd; a letter matches by `key` or, when
 * Alt changes the character typed (Alt+M is `µ` on a Mac), by its physical `code`, whatever Shift says; other
 * modifiers must be exact.
 */
export function keyMatches(key: string, event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  const parts = key.split(/-(?!$)/);
  const name = parts.pop()!;
  const mods = new Set(parts);
  if (mods.has('Mod') ? !(event.ctrlKey || event.metaKey) : event.ctrlKey !== mods.has('Ctrl') || event.metaKey !== mods.has('Meta')) return false;
  if (event.altKey !== mods.has('Alt')) return false;
  const letter = /^[a-z]$/i.test(name);
  // A printed character such as `?` says by itself whether Shift was needed for it (it differs between layouts).
  const printed = !letter && name.length === 1;
  if (!letter && !printed && event.shiftKey !== mods.has('Shift')) return false;
  if (letter) return event.key.toLowerCase() === name.toLowerCase() || event.code === `Key${name.toUpperCase()}`;
  return event.key === name;
}

/** The container request bound to `event` in the key table, or null. */
export function readerRequestOf(event: KeyboardEvent, keys: readonly ReaderKey[] = READER_KEYS): ReaderRequest | null {
  for (const k of keys) if ('request' in k && [...k.keys, ...(k.hidden ?? [])].some((key) => keyMatches(key, event))) return k.request;
  return null;
}
