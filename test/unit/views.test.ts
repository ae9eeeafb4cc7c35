import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEWS_DIR } from '../../server/paths.js';
import { TEMPLATE_NAMES } from '../../server/plugins/views.js';

/** The page templates on disk: every .eta under views/ but the layouts, partials and static files. */
function templatesOnDisk(): string[] {
  return readdirSync(VIEWS_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.eta'))
    .map((e) => relative(VIEWS_DIR, join(e.parentPath, e.name)).split('\\').join('/').replace(/\.eta$/, ''))
    .filter((name) => !/^(layouts|partials|static)\//.test(name))
    .sort();
}

describe('TemplateName (server/plugins/views.ts)', () => {
  it('names every page template under views/, and nothing else', () => {
    const onDisk = templatesOnDisk();
    expect(onDisk.length).toBeGreaterThan(30);
    expect([...TEMPLATE_NAMES].sort()).toEqual(onDisk);
  });

  it('names each template once', () => {
    expect(new Set(TEMPLATE_NAMES).size).toBe(TEMPLATE_NAMES.length);
  });
});
