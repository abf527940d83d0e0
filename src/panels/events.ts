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
