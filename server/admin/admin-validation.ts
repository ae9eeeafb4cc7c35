import type { FastifySchemaCompiler } from 'fastify';
import { schemaChecker, type SchemaProblem } from '../domain/json-validation.js';
import { InputError } from './admin-http.js';

/**
 * How the control plane checks requests against its route schemas: one validator compiler for
 * every /__admin route (set in admin-routes.ts), with the problem worded as the control plane's
 * other 400s are ("Field "username" must be ..."), never Fastify's default text. Routes with a
 * wording of their own (the clock) read `problem` from the error.
 */
export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

/** The sentence for a problem in a request: names the field or parameter and what it accepts. */
export function problemSentence(p: SchemaProblem, part: RequestPart): string {
  if (part === 'body') {
    if (p.kind === 'unknown') return `Unknown field "${p.field}"; accepted fields: ${p.accepted.join(', ')}.`;
    if (p.kind === 'entry') return p.keyword === 'type' ? 'The body must be a JSON object.' : `The body ${p.problem}.`;
    return `Field "${p.field}" ${p.problem}.`;
  }
  const name = part === 'querystring' ? 'Query parameter' : part === 'params' ? 'Path parameter' : 'Header';
  if (p.kind !== 'field') return `The ${part === 'querystring' ? 'query string' : part} ${p.problem}.`;
  if (Array.isArray(p.value)) return `${name} "${p.field}" must appear once.`;
  // A value that is not in the expected form is echoed: the caller sees what the server read.
  if (p.keyword === 'format') return `${name} "${p.field}" ${p.problem}; got ${JSON.stringify(p.value)}.`;
  return `${name} "${p.field}" ${p.problem}.`;
}

/** A request that does not match its route's schema. */
export class SchemaInputError extends InputError {
  constructor(
    readonly problem: SchemaProblem,
    readonly part: RequestPart,
  ) {
    super(problemSentence(problem, part));
  }
}

/** Query parameters given empty (`?court=`) count as not given, as a form's empty field does. */
function dropEmpty(query: unknown): void {
  if (query === null || typeof query !== 'object') return;
  const q = query as Record<string, unknown>;
  for (const key of Object.keys(q)) if (q[key] === '') delete q[key];
}

export const adminValidatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const part = (httpPart ?? 'body') as RequestPart;
  const check = schemaChecker(schema, { text: part !== 'body' });
  return (data: unknown) => {
    if (part === 'querystring') dropEmpty(data);
    const checked = check(data);
    return checked.ok ? { value: checked.value } : { error: new SchemaInputError(checked.problem, part) };
  };
};
