/**
 * Fonts for the Chinese and Russian originals, cut at build time to the
 * characters each page shows, so that a reader without a CJK (or Cyrillic)
 * font sees the text and not empty boxes. The source is Noto Sans Hans (SIL
 * Open Font License) from the `@embedpdf/fonts-sc` package; `subset-font`
 * (HarfBuzz's hb-subset in WebAssembly) keeps only the glyphs needed and writes
 * WOFF2.
 *
 * After Astro has written the pages, each page whose text holds such a
 * character gets a font cut to exactly its characters, written to `_astro/`
 * under a name made of the font's content hash (pages with the same characters
 * share one file, and two builds write the same bytes), and a small inline
 * `<style>` with the `@font-face` rule: its `unicode-range` lists exactly those
 * characters and it names common system CJK fonts first, so the font is fetched
 * only by a reader without one. The style's hash joins the page's
 * Content-Security-Policy (`style-src`); the host files, written after the Astro
 * build from the pages' policies, carry it too. Pages without such text get no
 * rule and load no font.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';

/** The family name pages use (last before the generic family in --font-text and --font-ui). */
export const scriptFamily = 'Summit Scripts';
/** A page's font file name in the assets folder: `script-font.<content hash>.woff2`. */
export const fontFileName = /script-font\.[0-9a-f]{12}\.woff2/;

// CJK punctuation and ideographs, fullwidth forms, and Cyrillic.
const SCRIPT_RE = /[\u0400-\u04ff\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
// A reader who has a CJK font keeps it and downloads nothing.
const LOCAL_FONTS = ['PingFang SC', 'PingFangSC-Regular', 'Microsoft YaHei', 'Noto Sans CJK SC', 'NotoSansCJKsc-Regular', 'Source Han Sans SC', 'Noto Sans SC'];

/** The characters of `texts` the font is for, sorted by code point, each once. */
export function scriptCharacters(texts: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const char of text) if (SCRIPT_RE.test(char)) found.add(char);
  return [...found].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/**
 * The characters a built page can show: its body without scripts, styles and
 * comments (attributes included, so a value or placeholder is covered), with
 * numeric character references read.
 */
export function pageCharacters(html: string): string[] {
  const start = html.search(/<body[\s>]/i);
  const body = (start < 0 ? html : html.slice(start))
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)));
  return scriptCharacters([body]);
}

/** A CSS unicode-range for the characters: runs of consecutive code points as ranges. */
export function unicodeRange(chars: readonly string[]): string {
  const points = [...new Set(chars.map((char) => char.codePointAt(0)!))].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let at = 0; at < points.length; ) {
    let end = at;
    while (end + 1 < points.length && points[end + 1] === points[end]! + 1) end++;
    parts.push(end === at ? `U+${hex(points[at]!)}` : `U+${hex(points[at]!)}-${hex(points[end]!)}`);
    at = end + 1;
  }
  return parts.join(', ');
}

/** The source font file (the regular weight). */
export function sourceFont(): string {
  // The package exports only its module; the fonts sit beside it.
  return join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

/** The `@font-face` rule of a page's font. */
export function fontFaceRule(url: string, chars: readonly string[]): string {
  const sources = [...LOCAL_FONTS.map((name) => `local('${name}')`), `url('${url}') format('woff2')`].join(',');
  return `@font-face{font-family:'${scriptFamily}';src:${sources};font-display:swap;unicode-range:${unicodeRange(chars).replace(/, /g, ',')}}`;
}

/** The CSP source for an inline style or script: `'sha256-…'`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A page with an inline `<style>` added at the end of its head and the style's
 * hash added to the `style-src` of its Content-Security-Policy meta tag (a
 * `style-src` is added after `default-src` when the policy has none).
 */
export function withInlineStyle(html: string, css: string): string {
  const hash = cspHash(css);
  const withPolicy = html.replace(/(<meta\s+http-equiv=["']?content-security-policy["']?\s+content=")([^"]*)(")/i, (_, open: string, policy: string, close: string) => {
    const updated = /(^|;)\s*style-src\b/i.test(policy)
      ? policy.replace(/((?:^|;)\s*style-src\b)([^;]*)/i, (__, name: string, sources: string) => `${name}${sources.trimEnd()} ${hash}`)
      : `${policy.replace(/;?\s*$/, '')}; style-src 'self' ${hash};`;
    return `${open}${updated}${close}`;
  });
  const at = withPolicy.search(/<\/head>/i);
  if (at < 0) throw new Error('A built page has no </head>: the script font rule has nowhere to go.');
  return `${withPolicy.slice(0, at)}<style>${css}</style>${withPolicy.slice(at)}`;
}

/** What the script fonts of a build came to. */
export type ScriptFontReport = {
  /** Pages that got a font (site paths of their HTML files). */
  pages: number;
  /** Font files written, each once: name, size in bytes and how many pages use it. */
  files: Array<{ name: string; bytes: number; pages: number; chars: number }>;
  /** Per page, the size of its font in bytes. */
  perPage: number[];
  /** Characters of a page the source font has no glyph for, by page. */
  missing: Array<{ page: string; chars: string[] }>;
};

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(join(entry.parentPath, entry.name));
  }
  // In path order, so that two builds do the same work in the same order.
  return out.sort();
}

/**
 * Give every built page that shows Chinese, Japanese, Korean or Cyrillic text
 * its own subset font and `@font-face` rule.
 *
 * @param siteDir the built site.
 * @param options base: the base path (`/`, `/summit-diff/`); assets: the assets folder under it (`_astro`).
 */
export async function writePageFonts(siteDir: string, options: { base: string; assets?: string }): Promise<ScriptFontReport> {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  const assets = options.assets ?? '_astro';
  const pages = new Map<string, { chars: string[]; files: string[] }>();
  for (const file of await htmlFiles(siteDir)) {
    const chars = pageCharacters(await readFile(file, 'utf8'));
    if (chars.length === 0) continue;
    const key = chars.join('');
    const group = pages.get(key) ?? { chars, files: [] };
    group.files.push(file);
    pages.set(key, group);
  }
  const report: ScriptFontReport = { pages: 0, files: [], perPage: [], missing: [] };
  if (pages.size === 0) return report;
  const source = await readFile(sourceFont());
  for (const { chars, files } of pages.values()) {
    // No hinting and no layout closure: the glyphs themselves, not instructions or vertical forms.
    const font = await subsetFont(source, chars.join(''), { targetFormat: 'woff2', noHinting: true, noLayoutClosure: true });
    const name = `script-font.${createHash('sha256').update(font).digest('hex').slice(0, 12)}.woff2`;
    await writeFile(join(siteDir, assets, name), font);
    const missing = await missingFrom(font, chars);
    const css = fontFaceRule(`${base}${assets}/${name}`, chars);
    for (const file of files) {
      await writeFile(file, withInlineStyle(await readFile(file, 'utf8'), css));
      report.perPage.push(font.length);
      if (missing.length > 0) report.missing.push({ page: file.slice(siteDir.length), chars: missing });
    }
    report.pages += files.length;
    report.files.push({ name, bytes: font.length, pages: files.length, chars: chars.length });
  }
  report.files.sort((a, b) => (a.name < b.name ? -1 : 1));
  return report;
}

/** The figures of a report: pages, files, largest and median font of a page, total bytes. */
export function reportFigures(report: Pick<ScriptFontReport, 'pages' | 'files' | 'perPage'>): { pages: number; files: number; largest: number; median: number; total: number } {
  const sizes = [...report.perPage].sort((a, b) => a - b);
  const mid = sizes.length / 2;
  const median = sizes.length === 0 ? 0 : sizes.length % 2 === 1 ? sizes[Math.floor(mid)]! : (sizes[mid - 1]! + sizes[mid]!) / 2;
  return { pages: report.pages, files: report.files.length, largest: sizes.at(-1) ?? 0, median, total: report.files.reduce((sum, file) => sum + file.bytes, 0) };
}

/** One line of figures, as the build prints it. */
export function reportLine(report: Pick<ScriptFontReport, 'pages' | 'files' | 'perPage'>): string {
  const { pages, files, largest, median, total } = reportFigures(report);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return `Script fonts: ${pages} page${pages === 1 ? '' : 's'} show Chinese or Cyrillic text, ${files} font file${files === 1 ? '' : 's'} (WOFF2); per page largest ${kb(largest)}, median ${kb(median)}; ${kb(total)} in all.`;
}

/**
 * The characters a font has no glyph for (read back from its cmap with HarfBuzz).
 *
 * @param font a font file (WOFF2 is read back as OpenType through subset-font).
 * @param chars the characters it should cover.
 */
export async function missingFrom(font: Uint8Array, chars: readonly string[]): Promise<string[]> {
  const sfnt = await subsetFont(Buffer.from(font), chars.join(''), { targetFormat: 'sfnt' });
  const hb = await import('harfbuzzjs');
  const face = new hb.Face(new hb.Blob(new Uint8Array(sfnt)));
  const covered = new Set(face.collectUnicodes());
  return chars.filter((char) => !covered.has(char.codePointAt(0)!));
}

/** The Astro integration: after the build has written the pages, gives each page its font. */
export function scriptFontIntegration(): AstroIntegration {
  let base = '/';
  let assets = '_astro';
  return {
    name: 'summit-diff-script-font',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        assets = config.build.assets;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writePageFonts(fileURLToPath(dir), { base, assets });
        logger.info(reportLine(report));
        for (const { page, chars } of report.missing) logger.warn(`Script font: the source font has no glyph for ${chars.join(' ')} (${page}); those characters fall back to the reader's fonts.`);
      }
    }
  };
}
