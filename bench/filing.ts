import { formAction, optionFor, tokenOf } from '../test/support/filing.js';
import type { JourneyClient } from './load.js';

/**
 * The bench's filing: a motion to dismiss in the sandbox's 1:26-cv-20001 for its defendant, by
 * the linked filer rlinked, through every HTTP request a browser makes (the picker, then each
 * step's page and its multipart POST, 303 to the next), the PDF uploaded as the Main Document,
 * ending on the Notice of Electronic Filing. The association screen comes only on the first
 * filing for the party; the walk answers whichever step the server shows.
 */
export const FILING_CASE = '1:26-cv-20001';
const PARTY = 'Sunshine Marine Supply, LLC';

type Field = string | { file: Buffer; name: string };

/** A multipart/form-data body as a browser sends one (a file part typed application/pdf). */
export async function encodeMultipart(fields: Record<string, Field>): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const [name, v] of Object.entries(fields)) {
    if (typeof v === 'string') form.append(name, v);
    else form.append(name, new Blob([new Uint8Array(v.file)], { type: 'application/pdf' }), v.name);
  }
  const encoded = new Response(form);
  return { body: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type') ?? '' };
}

const stepOf = (location: string) => /Filing\.pl\?[0-9a-f]+-([a-z]+)$/.exec(location)?.[1] ?? '';

/**
 * Files one motion. `upload` wraps the upload step's POST (the RSS row samples the server while
 * it runs); it gets a thunk so that the body is encoded before it starts. True when the NEF came.
 */
export async function fileMotion(
  c: JourneyClient,
  pdf: Buffer,
  upload: <T>(send: () => Promise<T>) => Promise<T> = (send) => send(),
): Promise<boolean> {
  let page = await c.send('GET', '/cgi-bin/Dispatch.pl?civmotion');
  let post: Record<string, Field> = { event: 'motdismiss', button1: 'Next' };
  for (let hops = 0; hops < 12; hops++) {
    const fields = await encodeMultipart({ token: tokenOf(page.body), ...post });
    const step = post['file_1'] ? upload : <T>(send: () => Promise<T>) => send();
    const answer = await step(() => c.send('POST', formAction(page.body), fields));
    if (answer.status !== 303 || !answer.location) throw new Error(`filing: ${answer.status} after ${Object.keys(post).join(',')}: ${answer.body.slice(0, 300)}`);
    const next = stepOf(answer.location);
    const url = new URL(answer.location, 'http://localhost');
    page = await c.send('GET', url.pathname + url.search);
    switch (next) {
      case 'case':
        post = { case_num: FILING_CASE, all_case_ids: '' };
        break;
      case 'confirm':
        post = {};
        break;
      case 'filer':
        post = { filer: optionFor(page.body, PARTY) };
        break;
      case 'association': {
        post = {};
        for (const m of page.body.matchAll(/name="(assoc|notice)_(\d+)"/g)) post[`${m[1]}_${m[2]}`] = 'y';
        break;
      }
      case 'upload':
        post = { file_1: { file: pdf, name: 'motion-to-dismiss.pdf' } };
        break;
      case 'link':
        post = { link: 'no' };
        break;
      case 'text':
        post = { prefix: '', free_text: 'for improper venue' };
        break;
      case 'final':
        post = {};
        break;
      case 'receipt':
        return page.body.includes('Notice of Electronic Filing');
      default:
        throw new Error(`filing: unexpected step ${answer.location}`);
    }
  }
  return false;
}
