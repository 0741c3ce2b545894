import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/data/load.ts';
import { openPage, useBrowser } from './browser.ts';

const corpus = await loadCorpus(process.env.CONTENT_DIR ?? 'content');
const [older, newer] = corpus.statements;
const { browser, baseUrl } = useBrowser();

// One page of every type the site has.
const pages = [
  '/',
  '/statements/',
  `/statements/${corpus.statements.at(-1)!.id}/`,
  '/compare/',
  `/compare/${older!.id}/${newer!.id}/`,
  `/compare/${older!.id}/${newer!.id}/list/`,
  `/compare/${older!.id}/${newer!.id}/reading/`,
  '/clauses/',
  '/clauses/relations-nature/',
  '/formulas/',
  `/formulas/${corpus.formulas[0]!.id}/`,
  '/topics/',
  `/topics/${corpus.topics[0]!.id}/`,
  '/graph/',
  '/search/?q=alliance',
  '/method/',
  '/404.html'
];

describe('phone: no page scrolls sideways at 360 px', () => {
  for (const path of pages) {
    it(`${path} is no wider than 360 px`, async () => {
      const { page } = await openPage(browser(), `${baseUrl}${path}`, { width: 360, height: 740 });
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      // Name what sticks out, for the failure message.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > 361 && !element.closest('.table-scroll, [data-scroll-x]'))
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
      );
      expect(width, `${path} is ${width} px wide; sticking out: ${wide.join(', ')}`).toBeLessThanOrEqual(360);
      await page.context().close();
    });
  }
});
