// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { scriptFontIntegration } from './scripts/script-font.ts';

// The public address of the site, for permalinks, citations and social cards.
const site = process.env.SITE_URL ?? 'https://summit-diff.example.org';
// The path the site is served under (e.g. `/summit-diff/` on a project page); `/` by default.
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  output: 'static',
  // sitemap-index.xml and sitemap-0.xml under the base path (robots.txt points to it); not the 404 page.
  // Fonts for Chinese and Russian originals, cut to the characters of each page that shows them (scripts/script-font.ts).
  integrations: [scriptFontIntegration(), sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) })],
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] }
    }
  },
  vite: {
    build: { assetsInlineLimit: 0 }
  }
});
