/**
 * The typed events panels send UP to `<ap-reader>` (bubbling, composed, so they cross shadow roots).
 */

/** The user chose a claim (in the claim list, or a deep link): select it in the text. */
export class ClaimSelectEvent extends CustomEvent<{ id: string }> {
  static readonly type = 'ap-claim-select';
  constructor(id: string) {
    super(ClaimSelectEvent.type, { detail: { id }, bubbles: true, composed: true });
  }
}

/** The user chose a reference (e.g. a source in the panel): show it. `label` null clears. */
export class ReferenceSelectEvent extends CustomEvent<{ label: string | null }> {
  static readonly type = 'ap-reference-select';
  constructor(label: string | null) {
    super(ReferenceSelectEvent.type, { detail: { label }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ap-claim-select': ClaimSelectEvent;
    'ap-reference-select': ReferenceSelectEvent;
  }
}

/** What a note form is for. */
export type NoteFormMode = 'create' | 'edit' | 'reply' | 'propose';

/** Ask for the note form on the current selection. */
export class AnnotateRequestEvent extends CustomEvent<null> {
  static readonly type = 'ap-annotate';
  constructor() {
    super(AnnotateRequestEvent.type, { detail: null, bubbles: true, composed: true });
  }
}

/** An action on one note: open its edit or reply form, delete it, or focus it in the text. */
export class NoteActionEvent extends CustomEvent<{ action: 'edit' | 'reply' | 'delete' | 'focus'; id: string }> {
  static readonly type = 'ap-note-action';
  constructor(action: 'edit' | 'reply' | 'delete' | 'focus', id: string) {
    super(NoteActionEvent.type, { detail: { action, id }, bubbles: true, composed: true });
  }
}

/**
 * The note form was submitted (`draft` as typed) or cancelled (`draft` null). `author` is the name typed in the
 * form's "Your name" field (trimmed; '' when left empty), or null where the form has no such field (editing).
 */
export class NoteSubmitEvent extends CustomEvent<{ draft: import('../anchoring/note-draft.ts').NoteDraft | null; author: string | null }> {
  static readonly type = 'ap-note-submit';
  constructor(draft: import('../anchoring/note-draft.ts').NoteDraft | null, author: string | null = null) {
    super(NoteSubmitEvent.type, { detail: { draft, author }, bubbles: true, composed: true });
  }
}

/** The reader changed the name new notes are signed with (`name` trimmed; '' for none). */
export class AuthorChangeEvent extends CustomEvent<{ name: string }> {
  static readonly type = 'ap-author-change';
  constructor(name: string) {
    super(AuthorChangeEvent.type, { detail: { name }, bubbles: true, composed: true });
  }
}

/** Copy a link to a claim (`#claim=<id>`) or a note (`#annotation=<id>`) to the clipboard. */
export class CopyLinkEvent extends CustomEvent<{ kind: 'claim' | 'annotation'; id: string }> {
  static readonly type = 'ap-copy-link';
  constructor(kind: 'claim' | 'annotation', id: string) {
    super(CopyLinkEvent.type, { detail: { kind, id }, bubbles: true, composed: true });
  }
}

/** Undo or redo the last change to the notes. */
export class HistoryEvent extends CustomEvent<{ direction: 'undo' | 'redo' }> {
  static readonly type = 'ap-history';
  constructor(direction: 'undo' | 'redo') {
    super(HistoryEvent.type, { detail: { direction }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ap-annotate': AnnotateRequestEvent;
    'ap-note-action': NoteActionEvent;
    'ap-note-submit': NoteSubmitEvent;
    'ap-author-change': AuthorChangeEvent;
    'ap-history': HistoryEvent;
    'ap-copy-link': CopyLinkEvent;
  }
}

/** The user asked for an export in format `format` (a name of src/export/formats.ts). */
export class ExportRequestEvent extends CustomEvent<{ format: string }> {
  static readonly type = 'ap-export';
  constructor(format: string) {
    super(ExportRequestEvent.type, { detail: { format }, bubbles: true, composed: true });
  }
}

/** The user chose an annotation file to import. */
export class ImportRequestEvent extends CustomEvent<{ file: File }> {
  static readonly type = 'ap-import';
  constructor(file: File) {
    super(ImportRequestEvent.type, { detail: { file }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ap-export': ExportRequestEvent;
    'ap-import': ImportRequestEvent;
  }
}

/** The user chose a section in the contents: put the caret at its start (`from`: `Section.from`) and show it. */
export class SectionSelectEvent extends CustomEvent<{ from: number }> {
  static readonly type = 'ap-section-select';
  constructor(from: number) {
    super(SectionSelectEvent.type, { detail: { from }, bubbles: true, composed: true });
  }
}

/** The reader recorded a check of a claim against one of its sources (or marked it as needing one). */
export class ClaimCheckEvent extends CustomEvent<{ draft: import('../editor/check-commands.ts').CheckDraft }> {
  static readonly type = 'ap-claim-check';
  constructor(draft: import('../editor/check-commands.ts').CheckDraft) {
    super(ClaimCheckEvent.type, { detail: { draft }, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ap-section-select': SectionSelectEvent;
    'ap-claim-check': ClaimCheckEvent;
  }
}
