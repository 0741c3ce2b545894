import { describe, expect, it } from 'vitest';
import { mapRedirects, headersFile, mergePolicies, nginxConf, redirectsFile, robotsFile, type HostConfig } from '../../scripts/host-files.ts';
import { productionProblem } from '../../scripts/production.ts';

const config: HostConfig = {
  base: '/summit-diff/',
  site: 'https://user.github.io',
  policy: "default-src 'self'; frame-ancestors 'none'",
  redirects: [{ from: '/clauses/wto-2023-moscow/', to: '/clauses/wto/' }]
};

describe('host files', () => {
  it('mergePolicies() unites each directive of the pages and adds frame-ancestors', () => {
    expect(mergePolicies(["default-src 'self';script-src 'self' 'sha256-a'", "default-src 'self'; script-src 'self' 'sha256-b';"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; frame-ancestors 'none'"
    );
    expect(mergePolicies(["default-src 'self'; frame-ancestors 'self'"])).toBe("default-src 'self'; frame-ancestors 'self'");
  });

  it('_headers sets the policy, referrer and nosniff on every path under the base, long caching on _astro/ only', () => {
    const lines = headersFile(config).split('\n');
    const rules = new Map<string, string[]>();
    let current = '';
    for (const line of lines) {
      if (!line || line.startsWith('#')) continue;
      if (!line.startsWith(' ')) rules.set((current = line), []);
      else rules.get(current)!.push(line.trim());
    }
    expect([...rules.keys()]).toEqual(['/summit-diff/*', '/summit-diff/_astro/*']);
    expect(rules.get('/summit-diff/*')).toEqual([
      "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
      'Referrer-Policy: strict-origin-when-cross-origin',
      'X-Content-Type-Options: nosniff',
      'X-Frame-Options: DENY'
    ]);
    expect(rules.get('/summit-diff/_astro/*')).toEqual(['Cache-Control: public, max-age=31536000, immutable']);
  });

  it('_redirects and the nginx block send each alias to its history, under the base', () => {
    expect(redirectsFile(config).split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['/summit-diff/clauses/wto-2023-moscow/ /summit-diff/clauses/wto/ 301', '/summit-diff/compare/:older/:newer/ /summit-diff/compare/pair/ 200']);
    const nginx = nginxConf(config, { root: '/srv/x', listen: '8080' });
    expect(nginx).toContain('location = /summit-diff/clauses/wto-2023-moscow/ { return 301 /summit-diff/clauses/wto/; }');
    expect(nginx).toContain('location ^~ /summit-diff/_astro/ {');
    // A pair without a prebuilt page: the browser-computed compare page at the pair's own address.
    expect(nginx).toContain('location ~ ^/summit-diff/compare/[^/]+/[^/]+/$ {\n        try_files $uri $uri/ /summit-diff/compare/pair/index.html;');
    expect(nginx).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
    expect(nginx).toContain(`add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;`);
    expect(nginx).toContain('error_page 404 /summit-diff/404.html;');
    expect(nginx).toMatch(/listen 8080;[\s\S]*root \/srv\/x;/);
    expect(nginx.match(/\{/g)?.length).toBe(nginx.match(/\}/g)?.length);
  });

  it('robots.txt points to the sitemap index under the base', () => {
    expect(robotsFile(config)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://user.github.io/summit-diff/sitemap-index.xml\n');
    expect(robotsFile({ ...config, base: '/' })).toContain('Sitemap: https://user.github.io/sitemap-index.xml');
  });

  it('mapRedirects() takes the redirect map in path order, and only site paths', () => {
    const map = { redirects: { '/clauses/wto-2023-moscow/': '/clauses/wto/', '/clauses/a-2020/': '/clauses/a/', '/clauses/x/': 'https://elsewhere.example/', '/clauses/y/': '//elsewhere.example/' } };
    expect(mapRedirects(map)).toEqual([
      { from: '/clauses/a-2020/', to: '/clauses/a/' },
      { from: '/clauses/wto-2023-moscow/', to: '/clauses/wto/' }
    ]);
    expect(mapRedirects(undefined)).toEqual([]);
  });
});

describe('productionProblem(args, env)', () => {
  it('lets a build that is not for publishing go ahead', () => {
    expect(productionProblem([], {})).toBeUndefined();
    expect(productionProblem([], { SITE_URL: 'https://summit-diff.example.org' })).toBeUndefined();
  });

  it('stops a production build without SITE_URL, with the example address, or with a path in it', () => {
    expect(productionProblem(['--production'], {})).toMatch(/needs SITE_URL/);
    expect(productionProblem([], { NODE_ENV: 'production', SITE_URL: ' ' })).toMatch(/needs SITE_URL/);
    expect(productionProblem(['--production'], { SITE_URL: 'https://summit-diff.example.org/' })).toMatch(/example address/);
    expect(productionProblem(['--production'], { SITE_URL: 'not a url' })).toMatch(/not an address/);
    expect(productionProblem(['--production'], { SITE_URL: 'https://user.github.io/summit-diff/' })).toMatch(/BASE_PATH=\/summit-diff\//);
    expect(productionProblem(['--production'], { SITE_URL: 'https://user.github.io' })).toBeUndefined();
  });
});
