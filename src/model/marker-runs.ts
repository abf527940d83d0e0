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

const MARKER = /\[(\d{1,9})\]/g;

/** The markers of `text`, in order. */
export function findMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  if (!text.includes('[')) return out;
  for (const m of text.matchAll(MARKER)) {
    out.push({ label: m[1]!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The markers of `text` grouped into runs of adjacent markers. */
export function findMarkerRuns(text: string): MarkerRun[] {
  const runs: MarkerRun[] = [];
  for (const marker of findMarkers(text)) {
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
  return [...new Set(run.markers.map((m) => m.label))];
}
