import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CitoRelation, Position, SourceLink } from '../anchoring/annotation-types.ts';
import { positionFromFields, referenceSource, SourceInputError, sourceFromInput } from '../anchoring/note-sources.ts';
import type { Reference } from '../model/reference-types.ts';
import { NOTE_RELATIONS, RELATION_LABEL } from './note-labels.ts';

/** The words of a reference entry shown in the list to choose from (its start; the whole entry is its title). */
const SHORT = 90;

/**
 * The sources and positions of a note being written (part of `<ap-note-form>`): the ones added so far, each with
 * "Remove"; "Add source" from a reference of the work (chosen from its reference list) or from a DOI, ISBN, URL or
 * citation typed in (note-sources.ts), with a locator and a CiTO relation; "Add position" (who holds which view,
 * perspective, citation, URL), folded away under "Positions (N)" unless the note has some. Enter in a field adds what it belongs to. What cannot be added is said in an alert
 * next to the fields, which keep what was typed.
 *
 * The form reads `sources` and `positions`; before saving it calls `commitPending()`, so that a source or position
 * typed but not yet added is added — or the note is not saved — and never silently dropped.
 */
@customElement('ap-note-sources')
export class ApNoteSources extends LitElement {
  static override styles = css`
    :host { display: grid; gap: 0.6rem; font-family: var(--ap-sans); color: var(--ap-ink); }
    fieldset { border: 1px solid var(--ap-line); border-radius: 4px; padding: 0.5rem 0.7rem 0.7rem; margin: 0; display: grid; gap: 0.5rem; min-width: 0; }
    legend { font: 600 0.8rem/1.2 var(--ap-sans); padding: 0 0.3rem; }
    label { display: grid; gap: 0.25rem; font: 600 0.78rem/1.2 var(--ap-sans); min-width: 0; }
    input, select { font: 0.9rem/1.3 var(--ap-sans); padding: 0.35rem 0.45rem; border: 1px solid #b9b2a5; border-radius: 4px; background: #fff; color: var(--ap-ink); min-width: 0; width: 100%; box-sizing: border-box; }
    input:focus, select:focus { outline: 2px solid var(--ap-focus); outline-offset: 0; }
    .row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.5rem; }
    .or { font: 0.75rem/1.2 var(--ap-sans); color: var(--ap-muted); margin: -0.2rem 0; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.3rem; }
    li { display: flex; gap: 0.5rem; align-items: baseline; justify-content: space-between; font: 0.85rem/1.4 var(--ap-serif); overflow-wrap: anywhere; }
    .relation { font: 0.75rem/1.2 var(--ap-sans); color: var(--ap-muted); }
    button { font: 0.8rem/1.2 var(--ap-sans); padding: 0.3rem 0.6rem; border-radius: 3px; border: 1px solid var(--ap-line); background: var(--ap-paper); color: var(--ap-ink); cursor: pointer; justify-self: start; }
    button:hover { border-color: var(--ap-ink); }
    button:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
    li button { flex: none; font-size: 0.75rem; padding: 0.15rem 0.45rem; }
    .error { color: var(--ap-none-ink); font-size: 0.82rem; margin: 0; }
    summary { font: 600 0.8rem/1.2 var(--ap-sans); cursor: pointer; padding: 0.2rem 0; }
    summary:focus-visible { outline: 2px solid var(--ap-focus); outline-offset: 1px; }
    details[open] summary { margin-bottom: 0.4rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  `;

  /** The work's reference list, to cite from. */
  @property({ attribute: false }) references: readonly Reference[] = [];
  /** The work's IRI (a reference is cited as `<iri>#ref-N`). */
  @property() workIri = '';
  /** The sources the note starts with. */
  @property({ attribute: false }) initialSources: readonly SourceLink[] = [];
  /** The positions the note starts with. */
  @property({ attribute: false }) initialPositions: readonly Position[] = [];

  /** The note's sources as they stand. */
  @state() sources: SourceLink[] = [];
  /** The note's positions as they stand. */
  @state() positions: Position[] = [];
  @state() private sourceError = '';
  @state() private positionError = '';

  @query('[name=reference]') private referenceField!: HTMLSelectElement;
  @query('[name=source]') private sourceField!: HTMLInputElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('initialSources')) this.sources = [...this.initialSources];
    if (changed.has('initialPositions')) this.positions = [...this.initialPositions];
  }

  private field(name: string): HTMLInputElement | HTMLSelectElement {
    return this.renderRoot.querySelector(`[name=${name}]`) as HTMLInputElement | HTMLSelectElement;
  }

  /** True when a source is chosen or typed but not added. */
  private get sourcePending(): boolean {
    return Boolean(this.referenceField?.value || this.sourceField?.value.trim());
  }

  /** True when a position field holds something not added. */
  private get positionPending(): boolean {
    return ['holder', 'perspective', 'view', 'citation', 'url'].some((n) => this.field(n)?.value.trim());
  }

  /** Adds the source chosen or typed; false (and the reason shown) when it cannot be added. */
  private addSource(): boolean {
    const relation = this.field('relation').value as CitoRelation;
    const locator = this.field('locator').value;
    try {
      const label = this.referenceField.value;
      const typed = this.sourceField.value;
      if (label && typed.trim()) throw new SourceInputError('source', 'Choose a reference of the work or type a source, not both.');
      const ref = label ? this.references.find((r) => r.label === label) : undefined;
      if (label && !ref) throw new SourceInputError('reference', `The work has no reference [${label}].`);
      const link = ref ? referenceSource(this.workIri, ref, relation, locator) : sourceFromInput(typed, relation, locator);
      this.sources = [...this.sources, link];
      this.sourceError = '';
      this.referenceField.value = '';
      this.sourceField.value = '';
      (this.field('locator') as HTMLInputElement).value = '';
      return true;
    } catch (e) {
      if (!(e instanceof SourceInputError)) throw e;
      this.sourceError = e.message;
      return false;
    }
  }

  /** Adds the position typed; false (and the reason shown) when it cannot be added. */
  private addPosition(): boolean {
    const v = (n: string) => this.field(n).value;
    try {
      const p = positionFromFields({ holder: v('holder'), view: v('view'), citation: v('citation'), url: v('url'), perspective: v('perspective') });
      this.positions = [...this.positions, p];
      this.positionError = '';
      for (const n of ['holder', 'perspective', 'view', 'citation', 'url']) this.field(n).value = '';
      return true;
    } catch (e) {
      if (!(e instanceof SourceInputError)) throw e;
      this.positionError = e.message;
      return false;
    }
  }

  /**
   * Adds a source or position typed but not yet added. Returns null when nothing is left pending, else why not (the
   * fields keep what was typed and the reason is shown beside them).
   */
  commitPending(): string | null {
    if (this.sourcePending && !this.addSource()) return `The source could not be added: ${this.sourceError}`;
    if (this.positionPending && !this.addPosition()) return `The position could not be added: ${this.positionError}`;
    return null;
  }

  private enterAdds(add: () => boolean) {
    return (e: KeyboardEvent) => {
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        add();
      }
    };
  }

  override render() {
    const addSource = this.enterAdds(() => this.addSource());
    const addPosition = this.enterAdds(() => this.addPosition());
    return html`<fieldset aria-describedby=${this.sourceError ? 'source-error' : nothing}>
        <legend>Sources (${this.sources.length})</legend>
        ${this.sources.length
          ? html`<ul aria-label="Sources of this note">${this.sources.map(
              (s, i) => html`<li><span><span class="relation">${RELATION_LABEL[s.relation] ?? s.relation}:</span> ${s.citation ?? s.source}${s.locator ? `, ${s.locator}` : ''}</span>
                <button type="button" @click=${() => (this.sources = this.sources.filter((_, k) => k !== i))}>Remove<span class="visually-hidden"> source ${i + 1}</span></button></li>`,
            )}</ul>`
          : nothing}
        <label>A reference of this work
          <select name="reference" @keydown=${addSource}>
            <option value="">—</option>
            ${this.references.map((r) => html`<option value=${r.label} title=${r.text}>[${r.label}] ${r.text.length > SHORT ? `${r.text.slice(0, SHORT)}…` : r.text}</option>`)}
          </select>
        </label>
        <p class="or">or</p>
        <label>DOI, ISBN, URL or citation<input name="source" autocomplete="off" placeholder="10.1017/… · 978-… · https://… · Author, Title (Year)" @keydown=${addSource} /></label>
        <div class="row">
          <label>Locator<input name="locator" autocomplete="off" placeholder="p. 16 · f. 3 · fond 64, op. 1, d. 19" @keydown=${addSource} /></label>
          <label>Relation
            <select name="relation">${NOTE_RELATIONS.map((r) => html`<option value=${r}>${RELATION_LABEL[r]}</option>`)}</select>
          </label>
        </div>
        ${this.sourceError ? html`<p class="error" id="source-error" role="alert">${this.sourceError}</p>` : nothing}
        <button type="button" @click=${() => this.addSource()}>Add source</button>
      </fieldset>
      <details ?open=${this.initialPositions.length > 0}>
        <summary>Positions (${this.positions.length}) — who holds which view</summary>
        <fieldset>
        <legend class="visually-hidden">Positions</legend>
        ${this.positions.length
          ? html`<ul aria-label="Positions in this note">${this.positions.map(
              (p, i) => html`<li><span><strong>${p.holder}</strong>${p.perspective ? ` (${p.perspective})` : ''}: ${p.view} — ${p.citation}</span>
                <button type="button" @click=${() => (this.positions = this.positions.filter((_, k) => k !== i))}>Remove<span class="visually-hidden"> position ${i + 1}</span></button></li>`,
            )}</ul>`
          : nothing}
        <div class="row">
          <label>Who holds it<input name="holder" autocomplete="off" @keydown=${addPosition} /></label>
          <label>Perspective<input name="perspective" autocomplete="off" placeholder="optional" @keydown=${addPosition} /></label>
        </div>
        <label>View<input name="view" autocomplete="off" @keydown=${addPosition} /></label>
        <div class="row">
          <label>Where it is stated<input name="citation" autocomplete="off" placeholder="Author, Title (Year), p. …" @keydown=${addPosition} /></label>
          <label>URL<input name="url" type="url" autocomplete="off" placeholder="optional" @keydown=${addPosition} /></label>
        </div>
        ${this.positionError ? html`<p class="error" role="alert">${this.positionError}</p>` : nothing}
        <button type="button" @click=${() => this.addPosition()}>Add position</button>
        </fieldset>
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ap-note-sources': ApNoteSources;
  }
}
