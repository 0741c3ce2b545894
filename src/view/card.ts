/**
 * Social card layout: a 1200 × 630 SVG in the look of the site (paper, ink,
 * accent rule, serif title). Text is wrapped by an estimate of glyph widths,
 * so the layout is a pure function of its input.
 */
import { escapeXml } from '../lib/model/xml.ts';

/** What a card says. */
export type CardText = {
  /** Small capitals above the title, e.g. `Compare`. */
  eyebrow: string;
  title: string;
  /** The headline under the title. */
  subtitle?: string;
  /** The page's address, printed at the foot. */
  footer: string;
};

/** The size of every card, as Open Graph and Twitter expect. */
export const cardSize = { width: 1200, height: 630 } as const;

/** Font families the renderer must load (src/data/og.ts). */
export const cardFonts = { serif: 'DejaVu Serif', sans: 'DejaVu Sans' } as const;

const colors = { paper: '#fbfaf7', ink: '#1d1c1a', ink2: '#55524b', rule: '#d9d5ca', accent: '#7a2e14' };
const margin = 80;

/**
 * The SVG of a card.
 *
 * @param text eyebrow, title, subtitle and footer.
 */
export function cardSvg(text: CardText): string {
  const width = cardSize.width - 2 * margin;
  const titleSize = text.title.length > 70 ? 52 : 64;
  const title = wrap(text.title, width, titleSize, 0.6, 3);
  const subtitle = text.subtitle ? wrap(text.subtitle, width, 34, 0.56, title.length > 2 ? 3 : 4) : [];
  const titleTop = 200;
  const titleLead = titleSize * 1.18;
  const subtitleTop = titleTop + (title.length - 1) * titleLead + 70;
  const lines = [
    `<rect width="${cardSize.width}" height="${cardSize.height}" fill="${colors.paper}"/>`,
    `<rect width="${cardSize.width}" height="12" fill="${colors.accent}"/>`,
    `<text x="${margin}" y="112" font-family="${cardFonts.sans}" font-size="26" font-weight="bold" letter-spacing="3" fill="${colors.accent}">${escapeXml(text.eyebrow.toUpperCase())}</text>`,
    ...title.map((line, at) => `<text x="${margin}" y="${titleTop + at * titleLead}" font-family="${cardFonts.serif}" font-size="${titleSize}" font-weight="bold" fill="${colors.ink}">${escapeXml(line)}</text>`),
    ...subtitle.map((line, at) => `<text x="${margin}" y="${subtitleTop + at * 46}" font-family="${cardFonts.serif}" font-size="34" fill="${colors.ink2}">${escapeXml(line)}</text>`),
    `<rect x="${margin}" y="540" width="${width}" height="2" fill="${colors.rule}"/>`,
    `<text x="${margin}" y="588" font-family="${cardFonts.sans}" font-size="26" font-weight="bold" fill="${colors.ink}">Summit Diff</text>`,
    `<text x="${cardSize.width - margin}" y="588" text-anchor="end" font-family="${cardFonts.sans}" font-size="24" fill="${colors.ink2}">${escapeXml(shorten(text.footer, 60))}</text>`
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${cardSize.width}" height="${cardSize.height}" viewBox="0 0 ${cardSize.width} ${cardSize.height}">${lines.join('')}</svg>`;
}

/**
 * Greedy line breaking by estimated width; the last line ends in an ellipsis when text is left over.
 *
 * @param text the text.
 * @param width the line width in pixels.
 * @param size the font size in pixels.
 * @param average the average glyph width in ems.
 * @param maxLines the most lines.
 */
export function wrap(text: string, width: number, size: number, average: number, maxLines: number): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * average)));
  const lines: string[] = [];
  let line = '';
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  for (const [at, word] of words.entries()) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(shorten(`${line} ${words.slice(at).join(' ')}`, perLine));
      return lines;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(shorten(line, perLine));
  return lines;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
