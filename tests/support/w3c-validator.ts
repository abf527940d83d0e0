/**
 * The W3C Web Annotation conformance harness: runs the MUST assertions of the W3C test suite
 * (`w3c/web-annotation-tests`, read from `$APPARATUS_SCHEMAS/web-annotation`, default `../shared/schemas` relative
 * to the project root) against annotations, annotation pages and annotation collections.
 *
 * The assertions are draft-04 JSON Schemas, each with `assertionType` and `expectedResult`. Each one listed in
 * `annotations/annotationMusts.test`, `collections/collectionMusts.test` and `collections/pages/pageMusts.test` is
 * compiled once (its own `id` dropped so that its `$ref`s resolve against the registered `definitions/*.json`) and
 * run exactly as its `expectedResult` says: `valid` means the object must validate, `invalid` that it must not.
 *
 * Never copies the schemas into the project; when the folder is absent, `schemasAvailable()` is false and tests
 * skip with a visible reason (`schemasMissingReason()`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'vitest';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

// Both packages are CommonJS with `exports.default`; under nodenext the default import is the module object.
type AjvClass = typeof Ajv04Module.default;
type AjvInstance = InstanceType<AjvClass>;
const Ajv04: AjvClass = (Ajv04Module as unknown as { default?: AjvClass }).default ?? (Ajv04Module as unknown as AjvClass);
const addFormats: typeof addFormatsModule.default =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ??
  (addFormatsModule as unknown as typeof addFormatsModule.default);

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The folder holding the W3C Web Annotation tests (`$APPARATUS_SCHEMAS/web-annotation`). */
export function schemasDir(): string {
  const base = process.env['APPARATUS_SCHEMAS'] ?? resolve(projectRoot, '..', 'shared', 'schemas');
  return resolve(base, 'web-annotation');
}

const MUST_LISTS = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
} as const;

/** True when the W3C assertions are present (the annotation MUST list at least). */
export function schemasAvailable(): boolean {
  return existsSync(join(schemasDir(), MUST_LISTS.annotation));
}

/** The title of the skipped test that says why W3C conformance was not checked. */
export function schemasMissingReason(): string {
  return `W3C schemas not found at ${schemasDir()} (set APPARATUS_SCHEMAS) — W3C conformance not checked`;
}

/**
 * Call at the top level of a test file that needs the schemas: when they are absent it registers a skipped test
 * whose title says so (a visible reason in every report), and returns whether they are available.
 */
export function noteIfSchemasMissing(): boolean {
  const ok = schemasAvailable();
  if (!ok) test.skip(schemasMissingReason(), () => {});
  return ok;
}

/** One compiled assertion. */
interface Assertion {
  file: string;
  title: string;
  errorMessage: string;
  expectValid: boolean;
  validate: (data: unknown) => boolean;
}

interface Suites {
  annotation: Assertion[];
  collection: Assertion[];
  page: Assertion[];
}

let suites: Suites | null = null;

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`W3C harness: cannot read ${path}: ${(e as Error).message}`);
  }
}

function compileList(ajv: AjvInstance, dir: string, listFile: string): Assertion[] {
  const path = join(dir, listFile);
  if (!existsSync(path)) return [];
  const list = readJson(path)['assertions'];
  if (!Array.isArray(list)) throw new Error(`W3C harness: ${path} has no "assertions" array`);
  return list.map((rel: unknown) => {
    const file = String(rel);
    const schema = readJson(join(dir, file));
    const { id: _id, assertionType, expectedResult, title, errorMessage, ...rest } = schema;
    if (assertionType !== 'must') throw new Error(`W3C harness: ${file} is listed as a MUST but says assertionType ${String(assertionType)}`);
    if (expectedResult !== 'valid' && expectedResult !== 'invalid') {
      throw new Error(`W3C harness: ${file} has unknown expectedResult ${String(expectedResult)}`);
    }
    const validate = ajv.compile(rest);
    return {
      file,
      title: String(title ?? file),
      errorMessage: String(errorMessage ?? `assertion ${file} failed`),
      expectValid: expectedResult === 'valid',
      validate: (data: unknown) => validate(data) as boolean,
    };
  });
}

function load(): Suites {
  if (suites) return suites;
  const dir = schemasDir();
  if (!schemasAvailable()) throw new Error(schemasMissingReason());
  const ajv = new Ajv04({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  const defs = join(dir, 'definitions');
  for (const name of readdirSync(defs).filter((n) => n.endsWith('.json')).sort()) {
    const schema = readJson(join(defs, name));
    // Registered under their file name, which is how the assertions `$ref` them (`annotations.json#/…`).
    delete schema['id'];
    ajv.addSchema(schema, name);
  }
  suites = {
    annotation: compileList(ajv, dir, MUST_LISTS.annotation),
    collection: compileList(ajv, dir, MUST_LISTS.collection),
    page: compileList(ajv, dir, MUST_LISTS.page),
  };
  return suites;
}

function run(assertions: readonly Assertion[], obj: unknown, where: string): string[] {
  const failures: string[] = [];
  for (const a of assertions) {
    if (a.validate(obj) !== a.expectValid) failures.push(`${where}: ${a.file}: ${a.errorMessage}`);
  }
  return failures;
}

/** How many MUST assertions each suite holds (to show in test names and to prove the harness is not empty). */
export function assertionCounts(): { annotation: number; collection: number; page: number } {
  const s = load();
  return { annotation: s.annotation.length, collection: s.collection.length, page: s.page.length };
}

/**
 * Runs every annotation MUST assertion on `obj`. Returns the failures (`where: file: error message`); `[]` means
 * it passes. `where` names the object in messages.
 * @throws Error when the schemas are absent (check `schemasAvailable()` first) or unreadable.
 */
export function validateAnnotation(obj: unknown, where = 'annotation'): string[] {
  return run(load().annotation, obj, where);
}

/**
 * Runs the collection MUST assertions on `obj`, the page MUST assertions on its embedded page (`first`, which the
 * page assertions accept inside the collection), and the annotation MUST assertions on every annotation in
 * `first.items`. An embedded annotation without its own `@context` is checked with the collection's (JSON-LD
 * context inheritance: that is how it reads in the file). Returns all failures; `[]` means it passes.
 * @throws Error when the schemas are absent or unreadable.
 */
export function validateCollection(obj: unknown, where = 'collection'): string[] {
  const s = load();
  const failures = [...run(s.collection, obj, where), ...run(s.page, obj, `${where} (page)`)];
  const o = (typeof obj === 'object' && obj !== null ? obj : {}) as Record<string, unknown>;
  const first = o['first'];
  if (typeof first === 'object' && first !== null) {
    const items = (first as Record<string, unknown>)['items'];
    if (Array.isArray(items)) {
      items.forEach((item, i) => {
        const label = `${where} item ${i}${typeof item === 'object' && item && 'id' in item ? ` (${String((item as { id: unknown }).id)})` : ''}`;
        if (typeof item !== 'object' || item === null) {
          // A page may list annotations by IRI; only embedded ones can be checked here.
          if (typeof item !== 'string') failures.push(`${label}: neither an annotation object nor an IRI`);
          return;
        }
        const withContext = '@context' in item ? item : { '@context': o['@context'], ...item };
        failures.push(...run(s.annotation, withContext, label));
      });
    }
  }
  return failures;
}
