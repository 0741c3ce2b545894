/**
 * Index the built site for search with Pagefind's Node API. Only pages that
 * mark their body with data-pagefind-body (the statement pages) are indexed.
 */
import * as pagefind from 'pagefind';

/**
 * Write the Pagefind index into `<siteDir>/pagefind/`.
 *
 * @param siteDir the built site.
 */
export async function indexSearch(siteDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  console.log(`Search index: ${added.page_count} pages.`);
}
