/**
 * Which items of a long list a panel renders: the first `shown` (grown a page at a time by "Show more"), plus the
 * page that holds the active item when it lies beyond them (a deep link or a click in the text reaches a note that
 * "Show more" has not reached yet). Pure: the panels render what it says.
 */

/** The items rendered: `[0, head)` and, when not null, `[extra.from, extra.to)`; `hidden` items are not rendered. */
export interface PageWindow {
  head: number;
  extra: { from: number; to: number } | null;
  hidden: number;
}

/**
 * The window of a list of `total` items of which the first `shown` are asked for, with the item at `active` (-1:
 * none) always rendered, in a page of `pageSize` aligned to multiples of `pageSize`.
 */
export function pageWindow(total: number, shown: number, active: number, pageSize: number): PageWindow {
  const head = Math.max(0, Math.min(total, shown));
  if (active < head || active >= total) return { head, extra: null, hidden: total - head };
  const from = Math.max(head, Math.floor(active / pageSize) * pageSize);
  const to = Math.min(total, from + pageSize);
  // A page that starts right after the head simply extends it.
  if (from === head) return { head: to, extra: null, hidden: total - to };
  return { head, extra: { from, to }, hidden: total - head - (to - from) };
}
