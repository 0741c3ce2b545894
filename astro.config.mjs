// @ts-check
import { defineConfig } from 'astro/config';

// The public address of the site, for permalinks, citations and social cards.
const site = process.env.SITE_URL ?? 'https://summit-diff.example.org';

export default defineConfig({
  site,
  output: 'static',
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
