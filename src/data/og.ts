/**
 * Social cards rendered at build time: the card SVG (src/view/card.ts) to PNG
 * with resvg, with fonts loaded by path only (no system font lookup), so a
 * build renders the same bytes on every machine that has the fonts.
 *
 * A card is rendered once per content: its PNG is kept in a cache folder
 * (`node_modules/.cache/summit-diff/cards/`, or CARD_CACHE_DIR) under the hash of
 * its SVG and fonts, so a later build copies the cards whose text did not change.
 */
import { countsSentence } from './row-kinds.ts';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cardFonts, cardSvg, type CardText } from '../view/card.ts';
import { formatDate } from '../lib/model/format.ts';
import { href } from './href.ts';
import type { Formula, PairReport, Statement } from '../lib/model/types.ts';

/** Where the fonts are looked for: the dejavu-fonts-ttf dev dependency, unless CARD_FONT_DIR says otherwise. */
export const cardFontDir = process.env.CARD_FONT_DIR ?? resolve('node_modules/dejavu-fonts-ttf/ttf');
const fontFiles = ['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/**
 * A card as PNG bytes.
 *
 * @param text what the card says.
 */
export function renderCard(text: CardText): Uint8Array<ArrayBuffer> {
  const files = fontFiles.map((name) => `${cardFontDir}/${name}`);
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Social cards need the DejaVu fonts; missing ${missing.join(', ')}. Run npm install (it brings dejavu-fonts-ttf) or set CARD_FONT_DIR to a folder with ${fontFiles.join(', ')}.`);
  }
  const resvg = new Resvg(cardSvg(text), {
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: cardFonts.serif },
    fitTo: { mode: 'original' }
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Where rendered cards are kept between builds. */
export const cardCacheDir = process.env.CARD_CACHE_DIR ?? resolve('node_modules/.cache/summit-diff/cards');

/** Cards this process took from the cache, and rendered. */
export const cardCounts = { cached: 0, rendered: 0 };

/**
 * A card as PNG bytes, from the cache when a card of the same content (SVG, fonts) was rendered before.
 *
 * @param text what the card says.
 */
export async function cachedCard(text: CardText): Promise<Uint8Array<ArrayBuffer>> {
  const hash = createHash('sha256').update('card-v1\n').update(cardSvg(text));
  for (const name of fontFiles) {
    const file = `${cardFontDir}/${name}`;
    hash.update(`\n${name}:${existsSync(file) ? statSync(file).size : 0}`);
  }
  const file = join(cardCacheDir, `${hash.digest('hex')}.png`);
  const known = await readFile(file).catch(() => undefined);
  if (known) {
    cardCounts.cached++;
    return new Uint8Array(known);
  }
  const png = renderCard(text);
  cardCounts.rendered++;
  // Written aside and renamed, so a build stopped halfway never leaves half a card; a read-only cache only costs the reuse.
  await mkdir(cardCacheDir, { recursive: true })
    .then(() => writeFile(`${file}.${process.pid}`, png))
    .then(() => rename(`${file}.${process.pid}`, file))
    .catch(() => undefined);
  return png;
}

/**
 * The card of a compare page: the pair, and its first headline (else the counts of changes).
 *
 * @param comparison the compare page's analysis.
 * @param footer the page's address.
 */
export function compareCard(comparison: { older: Statement; newer: Statement; report: PairReport }, footer: string): CardText {
  const { older, newer, report } = comparison;
  const fallback = `${countsSentence(report, newer.shortTitle)}.`;
  return {
    eyebrow: `Compare · ${formatDate(older.date)} → ${formatDate(newer.date)}`,
    title: `${older.shortTitle} → ${newer.shortTitle}`,
    subtitle: report.headlines[0]?.text ?? fallback,
    footer
  };
}

/**
 * The card of a formula page: its label, and the statements that have it.
 *
 * @param formula the formula.
 * @param statements the statements of the corpus, in date order.
 * @param footer the page's address.
 */
export function formulaCard(formula: Formula, statements: readonly Statement[], footer: string): CardText {
  const holds = (statement: Statement) => statement.sections.some((s) => s.paragraphs.some((p) => p.clauses.some((c) => c.formulas.includes(formula.id))));
  const present = statements.filter(holds).map((s) => s.shortTitle);
  const absent = statements.filter((s) => !holds(s)).map((s) => s.shortTitle);
  const subtitle = present.length === 0 ? 'In none of the statements.' : `In ${present.join(' · ')}${absent.length > 0 ? `. Not in ${absent.join(' · ')}` : ''}.`;
  return { eyebrow: 'Formula tracker', title: formula.label, subtitle, footer };
}

/**
 * The card's footer: the page's address without the scheme.
 *
 * @param path the page's path.
 * @param site the site's address.
 */
export function cardFooter(path: string, site: URL | undefined): string {
  const url = new URL(href(path), site ?? 'https://summit-diff.example.org');
  return `${url.host}${url.pathname}`;
}
