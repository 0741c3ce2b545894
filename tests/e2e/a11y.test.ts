import { existsSync, readdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';

// One page of each type, found in the built site.
function firstChild(dir: string): string | undefined {
  if (!existsSync(`dist/${dir}`)) return undefined;
  return readdirSync(`dist/${dir}`, { withFileTypes: true }).find((entry) => entry.isDirectory())?.name;
}
const statement = firstChild('statements');
// A folder of /compare/ that holds pairs (not /compare/pair/ or /compare/yours/, single pages).
const older = existsSync('dist/compare') ? readdirSync('dist/compare', { withFileTypes: true }).find((entry) => entry.isDirectory() && firstChild(`compare/${entry.name}`))?.name : undefined;
const newer = older ? firstChild(`compare/${older}`) : undefined;
const pageTypes: Record<string, string | undefined> = {
  home: '/',
  statements: '/statements/',
  statement: statement && `/statements/${statement}/`,
  compare: older && newer && `/compare/${older}/${newer}/`,
  'compare list': older && newer && `/compare/${older}/${newer}/list/`,
  'compare reading': older && newer && `/compare/${older}/${newer}/reading/`,
  provisions: '/clauses/',
  lineage: firstChild('clauses') && `/clauses/${firstChild('clauses')}/`,
  formulas: '/formulas/',
  formula: firstChild('formulas') && `/formulas/${firstChild('formulas')}/`,
  topics: '/topics/',
  topic: firstChild('topics') && `/topics/${firstChild('topics')}/`,
  graph: '/graph/',
  search: '/search/',
  method: '/method/',
  compareYourText: '/compare/yours/',
  notFound: '/no-such-page/'
};
const { browser, baseUrl } = useBrowser();

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const [type, path] of Object.entries(pageTypes)) {
    it(`finds no violation on the ${type} page`, async () => {
      expect(path, `the built site has no ${type} page`).toBeTruthy();
      for (const scheme of ['light', 'dark'] as const) {
        const { page } = await openPage(browser(), `${baseUrl}${path}`);
        await page.emulateMedia({ colorScheme: scheme });
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const violations = results.violations.map((violation) => `${scheme}: ${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target.join(' ')}`);
        expect(violations).toEqual([]);
        await page.context().close();
      }
    });
  }
});
