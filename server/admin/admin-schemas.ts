import * as Type from 'typebox';
import { accountField, nonBlank } from '../domain/account-fields.js';

/**
 * The control plane's request and answer schemas. Requests are validated with them (see
 * admin-validation.ts), the OpenAPI document at /__admin/openapi.json is generated from them, and
 * the JSON builders in admin-http.ts are typed by them, so the three cannot drift apart. Request
 * body schemas for accounts are in server/domain/account-fields.ts (the seed file uses them too).
 */

const time = (description?: string) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date-time', ...(description ? { description } : {}) });

// ---------------------------------------------------------------- answers

export const PacerAccountJson = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  kind: accountField.kind,
  upgraded: accountField.upgraded,
  filer: accountField.filer,
  // Sandbox data: QA needs the secret to make one-time passcodes.
  mfaSecret: Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'The base32 TOTP secret, or null for no MFA.' }),
  mfaBackupCodes: Type.Array(Type.String(), { description: 'Unused backup codes.' }),
  clientCodeRequired: accountField.clientCodeRequired,
  status: accountField.status,
  failedAttempts: Type.Integer(),
  locked: Type.Boolean(),
  lockedUntil: time(),
  passwordChangedAt: time(),
  createdAt: time(),
  links: Type.Array(Type.Object({ court: Type.String(), login: Type.String(), linkedAt: time() })),
});
export type PacerAccountJson = Type.Static<typeof PacerAccountJson>;

export const EcfAccountJson = Type.Object({
  id: Type.Integer(),
  court: Type.String(),
  login: Type.String({ description: 'Case sensitive; logins with special characters cannot link.' }),
  firstName: Type.String(),
  lastName: Type.String(),
  barNumber: Type.String(),
  email: Type.String(),
  linkedTo: Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'The PACER username it is linked to.' }),
  linkedAt: time(),
});
export type EcfAccountJson = Type.Static<typeof EcfAccountJson>;

export const LinkJson = Type.Object({ court: Type.String(), login: Type.String(), username: Type.String(), linkedAt: time() });
export type LinkJson = Type.Static<typeof LinkJson>;

export const SessionJson = Type.Object({
  token: Type.String(),
  username: Type.String(),
  clientCode: Type.String(),
  createdAt: time(),
  expiresAt: time(),
  endedAt: time(),
  active: Type.Boolean(),
});
export type SessionJson = Type.Static<typeof SessionJson>;

export const JournalEntryJson = Type.Object({
  id: Type.Integer(),
  at: time(),
  actor: Type.String(),
  host: Type.String(),
  action: Type.String(),
  outcome: Type.String(),
  detail: Type.String(),
});

export const EmailJson = Type.Object({
  id: Type.Integer(),
  at: time(),
  to: Type.String({ description: "The recipient's addresses, separated by \", \"." }),
  subject: Type.String(),
  body: Type.String({ description: 'The whole body: plain text, or the whole HTML of a Notice of Electronic Filing.' }),
  from: Type.String({ description: "The court's sender for a notice; '' for the mock's own e-mails." }),
  messageId: Type.String({ description: "A notice's Message-Id, e.g. <15100044@flsd.uscourts.gov>; '' otherwise." }),
  contentType: Type.Unsafe<'text/plain' | 'text/html'>({ type: 'string', enum: ['text/plain', 'text/html'] }),
  textBody: Type.String({ description: "A notice's plain-text rendering; '' otherwise." }),
  nefId: Type.Unsafe<number | null>({ type: ['integer', 'null'], description: 'The notice this e-mail carries (GET /__admin/nefs/{id}), or null.' }),
});

const NefRecipientJson = Type.Object({
  name: Type.String(),
  emails: Type.Array(Type.String()),
  magicNum: Type.String({ description: "The free look this recipient's copy carries ('' for none)." }),
  electronic: Type.Boolean({ description: 'false: "delivered by other means" (no e-mail address).' }),
});

export const NefSummaryJson = Type.Object({
  id: Type.Integer(),
  court: Type.String(),
  caseId: Type.Integer({ description: 'The PACER case id (DktRpt.pl?<caseId>).' }),
  caseNumber: Type.String(),
  docNumber: Type.Unsafe<number | null>({ type: ['integer', 'null'] }),
  fileNumber: Type.Integer({ description: "The stamps' FileNumber n." }),
  messageId: Type.String(),
  subject: Type.String(),
  recipients: Type.Array(NefRecipientJson),
  emails: Type.Array(Type.Integer(), { description: 'The outbox ids of its e-mails (GET /__admin/outbox/{id}).' }),
  createdAt: time(),
});
export const NefJson = Type.Object({
  ...NefSummaryJson.properties,
  html: Type.String({ description: 'The notice as the filer saw it, whole (no <html>/<body>).' }),
  textBody: Type.String({ description: 'Its plain-text rendering.' }),
});

export const FeeJson = Type.Object({
  id: Type.Integer(),
  court: Type.String(),
  username: Type.String({ description: 'The PACER account charged.' }),
  caseNumber: Type.String(),
  docNumber: Type.Unsafe<number | null>({ type: ['integer', 'null'] }),
  label: Type.String({ description: 'What it is for: "Notice of Appeal".' }),
  amountCents: Type.Integer(),
  receiptNumber: Type.String({ description: 'A<CSO court id>-<digits>, as the docket text writes it.' }),
  incurredAt: time(),
  paidAt: time(),
  card: Type.String(),
  locksAt: time('When an unpaid fee locks e-filing at the court (the end of its court day); null once paid.'),
});

export const CourtJson = Type.Object({
  code: Type.String(),
  pscCourtId: Type.String(),
  name: Type.String(),
  title: Type.String(),
  kind: Type.Unsafe<'district' | 'bankruptcy' | 'appellate'>({ type: 'string', enum: ['district', 'bankruptcy', 'appellate'] }),
  docPrefix: Type.String({ description: 'The three digits every doc1 id of the court starts with.' }),
  officeNames: Type.Record(Type.String(), Type.String(), { description: "The docket header's division by office digit." }),
  pdfDelivery: Type.Unsafe<'inline' | 'iframe'>({ type: 'string', enum: ['inline', 'iframe'], description: 'A document purchase answers the PDF, or the show_temp.pl iframe page.' }),
  bodyBgcolor: Type.String(),
  notice: Type.Object(
    {
      header: Type.Array(Type.String(), { description: 'The two centred lines of its notices.' }),
      sender: Type.String({ description: "Its notices' From address." }),
      courtMail: Type.String({ description: "Its notices' To address (recipients are Bcc)." }),
      stampId: Type.String({ description: 'The Electronic document Stamp id (dcecfStamp_ID / bkecfStamp_ID).' }),
      timeZone: Type.String({ description: "The court's clock: the notices' times, their filed-on day, the fee deadline." }),
      filerFreeLook: Type.Boolean({ description: "Whether the filer's own notice carries a free look." }),
    },
    { description: 'What its Notices of Electronic Filing say (docs/nef.md).' },
  ),
});

export const FaultsJson = Type.Object({ faults: Type.Array(Type.String()), known: Type.Array(Type.String()) });
export const ClockJson = Type.Object({ now: time(), virtual: Type.Boolean({ description: 'True once the clock has been moved.' }) });

const ErrorJson = (description: string) =>
  Type.Object(
    {
      error: Type.String({ description: 'bad_request, unauthorized, forbidden, not_found, conflict, unsupported_media_type, internal' }),
      message: Type.String({ description: 'A sentence naming the field or parameter and what it accepts.' }),
    },
    { description },
  );

/** A JSON answer documented with its meaning (the OpenAPI response description). */
export const answer = <T extends Type.TSchema>(schema: T, description: string): T => ({ ...schema, description });

// Every route but health needs the token (401); these are merged into each route's responses.
export const ERRORS = {
  400: ErrorJson('Bad input: the message names the field or parameter and what it accepts.'),
  401: ErrorJson('Missing or wrong token.'),
};
export const NOT_FOUND = { 404: ErrorJson('No such account, link or session.') };
export const CONFLICT = { 409: ErrorJson('The change would break a rule (a taken name, a second link).') };
/** No body: `reply.code(204).send()`. */
export const NO_CONTENT = { 204: Type.Unsafe<void>({ type: 'null', description: 'Done.' }) };

// ---------------------------------------------------------------- route options, by kind of route

/** A GET that answers `{ <key>: [item, ...] }`; `about` is the route's longer description. */
export const listing = <K extends string, I extends Type.TSchema, Q extends Type.TSchema>(
  summary: string,
  querystring: Q,
  key: K,
  item: I,
  description: string,
  about?: string,
) => ({
  schema: {
    summary,
    ...(about === undefined ? {} : { description: about }),
    querystring,
    response: { 200: answer(Type.Object({ [key]: Type.Array(item) } as { [P in K]: Type.TArray<I> }), description), ...ERRORS },
  },
});

/** A GET of one thing named in the path: 200 with it, or 404. */
export const reading = <P extends Type.TSchema, A extends Type.TSchema>(summary: string, params: P, item: A, description: string) => ({
  schema: { summary, params, response: { 200: answer(item, description), ...ERRORS, ...NOT_FOUND } },
});

/** A PATCH of one thing named in the path: 200 with it as changed, or 404. */
export const change = <P extends Type.TSchema, B extends Type.TSchema, A extends Type.TSchema>(summary: string, description: string, params: P, body: B, item: A) => ({
  schema: { summary, description, params, body, response: { 200: answer(item, 'As changed.'), ...ERRORS, ...NOT_FOUND } },
});

/** A POST that makes something: 201 with it, or 409 when its name is taken. */
export const creation = <B extends Type.TSchema, A extends Type.TSchema>(summary: string, description: string, body: B, made: A) => ({
  schema: { summary, description, body, response: { 201: answer(made, 'Created.'), ...ERRORS, ...CONFLICT } },
});

/** A DELETE of one thing named in the path: 204, or 404. */
export const removal = <P extends Type.TSchema>(summary: string, params: P) => ({
  schema: { summary, params, response: { ...NO_CONTENT, ...ERRORS, ...NOT_FOUND } },
});

// ---------------------------------------------------------------- requests

/** Query parameters: text, one each; an empty one counts as not given. */
const queryText = (max: number, description: string) => Type.Optional(Type.String({ maxLength: max, description }));
const limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 100, description: 'a whole number from 1 to 10000' }));
const isoTime = Type.Optional(Type.String({ format: 'date-time', description: 'an ISO-8601 date-time such as 2026-03-01T09:00:00Z' }));

export const EcfListQuery = Type.Object({ court: queryText(200, 'Only this court (code, e.g. flsd).') });
export const LinksQuery = Type.Object({ court: queryText(200, 'Only this court.'), username: queryText(200, 'Only this PACER account.') });
export const SessionsQuery = Type.Object({
  username: queryText(200, 'Only this PACER account.'),
  all: Type.Optional(Type.Boolean({ default: false, description: 'true: include ended and expired sessions.' })),
});
export const JournalQuery = Type.Object({
  account: queryText(100, 'Actor: a PACER username or CM/ECF login (not case sensitive).'),
  action: queryText(100, 'Exact action (login.screen) or a prefix ending in * (login.*).'),
  since: isoTime,
  until: isoTime,
  limit,
});
export const OutboxQuery = Type.Object({ to: queryText(200, 'Only emails to this address.'), limit });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'The id.' }) });
export const NefsQuery = Type.Object({
  court: queryText(200, 'Only this court (code, e.g. flsd).'),
  case: queryText(200, 'Only this case: its number as shown (1:24-cv-21555, with or without the judge) or its PACER case id.'),
  limit,
});
export const FeesQuery = Type.Object({
  court: queryText(200, 'Only this court.'),
  username: queryText(200, 'Only this PACER account.'),
  unpaid: Type.Optional(Type.Boolean({ default: false, description: 'true: only unpaid fees.' })),
  limit,
});

export const UsernameParams = Type.Object({ username: Type.String({ description: 'PACER username (not case sensitive).' }) });
export const EcfParams = Type.Object({
  court: Type.String({ description: 'Court code, e.g. flsd.' }),
  login: Type.String({ description: 'CM/ECF login (case sensitive; URL-encode special characters).' }),
});
export const TokenParams = Type.Object({ token: Type.String({ description: 'The NextGenCSO token.' }) });

/** A link names existing accounts; their own rules were checked when they were made. */
export const LinkInput = Type.Object(
  { court: accountField.court, login: nonBlank(64), username: nonBlank(64) },
  { additionalProperties: false },
);
