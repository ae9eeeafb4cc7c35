import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILING_STEPS } from '../support/browser-filing.js';
import { JOURNEY_STEPS } from '../support/browser-journey.js';

/**
 * docs/walkthrough.md shows one picture per step of the browser journeys (linking, then the first
 * motion), and the pictures are
 * the ones `npm run screenshots` writes: none missing, none left over from a step that is gone.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOC = join(ROOT, 'docs', 'walkthrough.md');
const IMAGES = join(ROOT, 'docs', 'images');

const STEPS = [...JOURNEY_STEPS, ...FILING_STEPS];

describe("the trainer's walkthrough", () => {
  it('shows every journey step, in order, with a picture that exists', () => {
    const md = readFileSync(DOC, 'utf8');
    const shown = [...md.matchAll(/!\[([^\]]+)\]\(images\/([^)]+)\.png\)/g)].map((m) => m[2]);
    expect(shown).toEqual(STEPS.map((s) => s.id));
    for (const m of md.matchAll(/!\[([^\]]*)\]\(images\/[^)]+\)/g)) expect(m[1]?.trim(), 'every picture has alt text').not.toBe('');
    for (const id of shown) expect(existsSync(join(IMAGES, `${id}.png`)), `docs/images/${id}.png`).toBe(true);
  });

  it('keeps no picture that the journey no longer takes', () => {
    const files = readdirSync(IMAGES).filter((f) => f.endsWith('.png')).sort();
    expect(files).toEqual(STEPS.map((s) => `${s.id}.png`).sort());
  });

  it('has small viewport screenshots at 1280x800', () => {
    for (const { id } of STEPS) {
      const png = readFileSync(join(IMAGES, `${id}.png`));
      // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], id).toEqual([1280, 800]);
      expect(png.length, `${id}.png stays small`).toBeLessThan(250 * 1024);
    }
  });
});
