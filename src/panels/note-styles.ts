/**
 * Styles shared by the note card, form and list: badges for verdicts and certainty.
 */
import { css } from 'lit';

export const noteBadgeStyles = css`
  .badges { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
  .badge { display: inline-block; font: 600 0.72rem/1.3 var(--ap-sans); padding: 0.12rem 0.5rem; border-radius: 999px; background: var(--ap-hover); color: var(--ap-ink); }
  .v-supported { background: var(--ap-direct-bg); color: var(--ap-direct-ink); }
  .v-supported-with-caveats { background: #e8eedf; color: #4a5a1f; }
  .v-contested { background: #efe3f3; color: #6a2c7a; }
  .v-likely-erroneous { background: var(--ap-none-bg); color: var(--ap-none-ink); }
  .v-unsourced { background: #f6ead8; color: #7a4a10; }
  .v-not-checked { background: #e9ebee; color: #44505c; }
  .cert { background: transparent; border: 1px solid var(--ap-line); color: var(--ap-muted); font-weight: 500; }
  .motivation { background: transparent; color: var(--ap-muted); padding-left: 0; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.68rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
