import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { _Code } from 'ajv/dist/compile/codegen/code.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

/**
 * JSON Schema validation for the control plane's requests and the seed file, with one way of
 * saying what is wrong: every problem names the entry and the field, in words a person can act on
 * ("must be one of "active", "inactive", "disabled""), never ajv's own text.
 *
 * How a problem is worded comes from the field's schema:
 *   required                    -> is required
 *   const                       -> must be <the value>
 *   boolean                     -> must be true or false
 *   enum                        -> must be one of "a", "b"
 *   maxLength                   -> must be at most N characters
 *   minLength 1, or NOT_BLANK   -> must not be empty
 *   a description               -> must be <description>   (so a description says what a valid value is)
 *   otherwise                   -> must be a string / a number / an array ...
 */

/** The pattern of a string that must not be blank (spaces only); see the table above. */
export const NOT_BLANK = '\\S';

export type SchemaLike = Record<string, unknown>;

export interface SchemaProblem {
  /**
   * - field: a field's value is wrong (or missing);
   * - unknown: the object has a field its schema does not list (`accepted` lists those it does);
   * - entry: the object itself is wrong: not an object at all, too many or too few fields.
   */
  kind: 'field' | 'unknown' | 'entry';
  /** Where the object holding the field sits: [] for the body or document, ['pacerAccounts', 3] for a seed entry. */
  entry: (string | number)[];
  /** The field's name ('' when kind is entry). */
  field: string;
  /** The rest of a sentence about the field or entry: "is required", "must be an object". */
  problem: string;
  /** The JSON Schema keyword that failed (minProperties, format, ...), for callers with wording of their own. */
  keyword: string;
  /** The value found (undefined when missing). */
  value: unknown;
  /** For kind unknown: the fields the object accepts, in the schema's order. */
  accepted: string[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: SchemaProblem };

/*
 * The two formats below are self-contained (no names from outside the function): a validator
 * compiled ahead of time for the bundle (compileStandalone) carries their source text.
 */

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** ISO-8601 as people type it into a query: a date, or a date and time, with or without a zone. */
function isDateTime(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s));
}

function makeAjv(coerceTypes: boolean, standalone = false): Ajv {
  const ajv = new Ajv({
    // Every problem is collected, then the first in the schema's own field order is reported,
    // so the answer names the same field whichever order ajv checks keywords in.
    allErrors: true,
    useDefaults: true,
    coerceTypes,
    // Unknown fields are refused by additionalProperties: false, never silently dropped.
    removeAdditional: false,
    strict: true,
    allowUnionTypes: true,
    // A start compiles the seed file's schema, so compiling is kept cheap (about a third of the
    // default): the generated code is not optimised, and the schemas (ours, fixed) are not checked
    // against the meta-schema here but once in test/unit/json-validation.test.ts.
    validateSchema: false,
    code: standalone
      ? // Ahead of time (the bundle): ES module source, optimised, with the formats' own source inlined.
        { source: true, esm: true, formats: new _Code(`{"date": ${isDay.toString()}, "date-time": ${isDateTime.toString()}}`) }
      : { optimize: false },
  });
  ajv.addFormat('date', isDay);
  ajv.addFormat('date-time', isDateTime);
  return ajv;
}

/** Made on first use (each costs milliseconds of a start otherwise). */
let jsonAjv: Ajv | undefined;
let textAjv: Ajv | undefined;
/** Bodies and the seed file: JSON has types, so none are guessed. Query strings and path parameters are text: "25" may be the integer a schema asks for. */
function ajvFor(text: boolean): Ajv {
  if (text) return (textAjv ??= makeAjv(true));
  return (jsonAjv ??= makeAjv(false));
}

function schemaAt(schema: SchemaLike | undefined, segment: string | number): SchemaLike | undefined {
  if (!schema) return undefined;
  if (typeof segment === 'number') return schema['items'] as SchemaLike | undefined;
  return (schema['properties'] as Record<string, SchemaLike> | undefined)?.[segment];
}

function schemaOf(root: SchemaLike, path: readonly (string | number)[]): SchemaLike | undefined {
  let s: SchemaLike | undefined = root;
  for (const segment of path) s = schemaAt(s, segment);
  return s;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const segment of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[segment] : undefined;
  return v;
}

const isObjectSchema = (s: SchemaLike | undefined): boolean => s?.['type'] === 'object' || s?.['properties'] !== undefined;

/**
 * Splits a path into the object holding the field and the field: the entry is the longest prefix
 * that ends at an element of an array of objects (['cases', 0, 'parties', 0]); the field is the
 * name after it. A list of plain values (mfaBackupCodes) is one field, whatever item is wrong.
 */
function splitPath(root: SchemaLike, path: (string | number)[]): { entry: (string | number)[]; field: string } {
  let cut = 0;
  let s: SchemaLike | undefined = root;
  path.forEach((segment, i) => {
    s = schemaAt(s, segment);
    if (typeof segment === 'number' && isObjectSchema(s)) cut = i + 1;
  });
  const field = path[cut];
  return { entry: path.slice(0, cut), field: typeof field === 'string' ? field : '' };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

function fieldProblem(schema: SchemaLike | undefined, error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  const s = schema ?? {};
  if (s['const'] !== undefined) return `must be ${JSON.stringify(s['const'])}`;
  if (s['type'] === 'boolean') return 'must be true or false';
  if (Array.isArray(s['enum'])) return `must be one of ${s['enum'].map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'maxLength') return `must be at most ${String(error.params['limit'])} characters`;
  if (error.keyword === 'minLength' || (error.keyword === 'pattern' && error.params['pattern'] === NOT_BLANK)) return 'must not be empty';
  if (typeof s['description'] === 'string') return `must be ${s['description']}`;
  const type = [s['type']].flat().filter((t): t is string => typeof t === 'string');
  if (type.length > 0) return `must be ${type.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
  return `is not valid (${error.message ?? error.keyword})`;
}

const pointer = (instancePath: string): (string | number)[] =>
  instancePath === ''
    ? []
    : instancePath
        .slice(1)
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Where a problem sits in document order: array elements by index, fields in their schema's order, unknown fields first. */
function rank(root: SchemaLike, path: (string | number)[], unknown: boolean): number[] {
  const out: number[] = [];
  let s: SchemaLike | undefined = root;
  path.forEach((segment, i) => {
    if (typeof segment === 'number') out.push(segment);
    else {
      const names = Object.keys((s?.['properties'] as object | undefined) ?? {});
      out.push(unknown && i === path.length - 1 ? -1 : names.indexOf(segment));
    }
    s = schemaAt(s, segment);
  });
  return out;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function toProblem(root: SchemaLike, data: unknown, error: ErrorObject): { problem: SchemaProblem; rank: number[] } {
  const at = pointer(error.instancePath);
  const base = { keyword: error.keyword, accepted: [] as string[] };
  if (error.keyword === 'additionalProperties') {
    const field = String(error.params['additionalProperty']);
    const accepted = Object.keys((schemaOf(root, at)?.['properties'] as object | undefined) ?? {});
    const problem: SchemaProblem = { ...base, kind: 'unknown', entry: at, field, problem: 'is not a known field', value: valueAt(data, [...at, field]), accepted };
    return { problem, rank: rank(root, [...at, field], true) };
  }
  const path = error.keyword === 'required' ? [...at, String(error.params['missingProperty'])] : at;
  const { entry, field } = splitPath(root, path);
  if (field === '') {
    const words = error.keyword === 'type' ? `must be ${TYPE_WORDS[String(error.params['type'])] ?? 'an object'}` : fieldProblem(schemaOf(root, entry), error);
    return { problem: { ...base, kind: 'entry', entry, field: '', problem: words, value: valueAt(data, entry) }, rank: rank(root, entry, false) };
  }
  const fieldPath = [...entry, field];
  const problem: SchemaProblem = {
    ...base,
    kind: 'field',
    entry,
    field,
    problem: fieldProblem(schemaOf(root, fieldPath), error),
    value: valueAt(data, fieldPath),
  };
  return { problem, rank: rank(root, fieldPath, false) };
}

/** The one problem to report: the first in document order. */
export function firstProblem(root: SchemaLike, data: unknown, errors: readonly ErrorObject[]): SchemaProblem {
  const ranked = errors.map((e) => toProblem(root, data, e));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  const first = ranked[0];
  if (!first) throw new Error('firstProblem: no errors');
  return first.problem;
}

/**
 * A checker for one schema. Compiling costs a few milliseconds, so it happens on first use: a
 * server start compiles nothing, and a route never called never pays for its schema. Defaults in
 * the schema are filled in (and, for text, types converted) in place.
 */
export function schemaChecker<T>(schema: object, opts: { text?: boolean; precompiled?: ValidateFunction } = {}): (data: unknown) => Checked<T> {
  let validate: ValidateFunction | undefined = opts.precompiled;
  return (data) => {
    validate ??= ajvFor(opts.text === true).compile(schema);
    if (validate(data)) return { ok: true, value: data as T };
    return { ok: false, problem: firstProblem(schema as SchemaLike, data, validate.errors ?? []) };
  };
}

/**
 * The ES module source of a JSON-body validator for `schema`, compiled ahead of time with the
 * same options as at run time; it exports the function as `exportName`. scripts/bundle.mjs uses
 * it for the seed document, whose compiling was most of a start's cost otherwise.
 */
export function compileStandalone(schema: object, exportName: string): string {
  const ajv = makeAjv(false, true);
  // ajv's CommonJS module: its function is also its own `default`, which is what the types describe.
  const source = standaloneCode.default(ajv, ajv.compile(schema));
  return `${source}\nexport const ${exportName} = validate;\n`;
}
