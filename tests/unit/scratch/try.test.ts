import { readFileSync } from 'node:fs';
import { importWikipediaParsoid } from "../../../src/sources/wikipedia-parsoid.ts";
import { it } from "vitest";
it("x", () => {
const t = importWikipediaParsoid(readFileSync(`/work/shared/sources/wikipedia-parsoid/subreferences.html`));
console.log(t.blocks.map(b=>JSON.stringify(b)).join('\n'));
console.log(t.references.map(r=>JSON.stringify({...r, ids: undefined, csl: undefined})).join('\n'));
console.log(JSON.stringify(t.citations));
});
