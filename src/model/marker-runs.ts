/**
 * Footnote markers in a block's text: `[N]` with N digits; adjacent markers (`[3][4]`) form one run.
 * Anything else in brackets (`[citation needed]`, `[sic]`, `[n 3]`, `[a]`) is ordinary text.
 */

/** One marker: `start` is where its `[` stands, `end` is just after its `]`. */
export interface Marker {
  label: string;
  start: number;
  end: number;
}

/** Adjacent markers with nothing between them. `start`/`end` span the whole run. */
export interface MarkerRun {
  start: number;
  end: number;
  markers: Marker[];
}

/**
 * Where the marker whose `[` stands at `open` ends (just after its `]`), or -1 when no marker starts there: `[`,
 * one to nine ASCII digits, `]` — what `/\[(\d{1,9})\]/` matches at `open`.
 */
export function markerEnd(text: string, open: number): number {
  const n = text.length;
  let close = open + 1;
  while (close < n && close - open <= 10) {
    const u = text.charCodeAt(close);
    if (u < 0x30 || u > 0x39) break;
    close++;
  }
  const digits = close - open - 1;
  return digits >= 1 && digits <= 9 && text.charCodeAt(close) === 0x5d ? close + 1 : -1;
}

/** The markers of `text`, in order: each match of `/\[(\d{1,9})\]/g`, found without a regular expression. */
export function findMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  let open = text.indexOf('[');
  while (open >= 0) {
    const end = markerEnd(text, open);
    if (end > 0) {
      out.push({ label: text.slice(open + 1, end - 1), start: open, end });
      open = text.indexOf('[', end);
    } else {
      open = text.indexOf('[', open + 1);
    }
  }
  return out;
}

/** The markers of `text` grouped into runs of adjacent markers. */
export function findMarkerRuns(text: string): MarkerRun[] {
  return markerRunsOf(findMarkers(text));
}

/** Markers (in order, as `findMarkers` gives them) grouped into runs of adjacent markers. */
export function markerRunsOf(markers: readonly Marker[]): MarkerRun[] {
  const runs: MarkerRun[] = [];
  for (const marker of markers) {
    const last = runs[runs.length - 1];
    if (last && last.end === marker.start) {
      last.markers.push(marker);
      last.end = marker.end;
    } else {
      runs.push({ start: marker.start, end: marker.end, markers: [marker] });
    }
  }
  return runs;
}

/** The labels of a run, without repeats, in order. */
export function runLabels(run: MarkerRun): string[] {
  const markers = run.markers;
  if (markers.length === 1) return [markers[0]!.label];
  const labels: string[] = [];
  for (const m of markers) if (!labels.includes(m.label)) labels.push(m.label);
  return labels;
}
