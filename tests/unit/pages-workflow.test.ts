/**
 * The GitHub Pages workflow cannot run here, so its steps are rehearsed: the
 * outputs of actions/configure-pages (a project page and a custom domain) are
 * put into the workflow's own `env:` lines, and what results must be accepted
 * by the production check and give the base path the site expects.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { productionProblem } from '../../scripts/production.ts';
import { normaliseBase } from '../../src/lib/model/href.ts';

type Step = { id?: string; uses?: string; run?: string; env?: Record<string, string> };
const workflow = parse(readFileSync('.github/workflows/pages.yml', 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
const steps = workflow.jobs.build!.steps;

/** A step's env with configure-pages' outputs in place of the expressions. */
function resolved(step: Step, outputs: { origin: string; base_path: string }): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.env ?? {}).map(([name, value]) => [name, value.replace(/\$\{\{\s*steps\.pages\.outputs\.(\w+)\s*\}\}/g, (_, key: string) => outputs[key as keyof typeof outputs] ?? `<unknown ${key}>`)])
  );
}

// What actions/configure-pages reports: base_path has no trailing slash, and is empty on a custom domain.
const projectPage = { origin: 'https://someone.github.io', base_path: '/summit-diff' };
const customDomain = { origin: 'https://diff.example.net', base_path: '' };

describe('the GitHub Pages workflow', () => {
  it('configures Pages before it builds, and uploads dist/', () => {
    const configure = steps.findIndex((step) => step.uses?.startsWith('actions/configure-pages@'));
    const build = steps.findIndex((step) => step.run?.includes('npm run build'));
    expect(configure).toBeGreaterThanOrEqual(0);
    expect(steps[configure]!.id).toBe('pages');
    expect(build).toBeGreaterThan(configure);
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@')) as Step & { with?: { path?: string } };
    expect(upload.with?.path).toBe('dist');
  });

  it('runs only npm scripts that exist', () => {
    for (const step of steps.filter((step) => step.run)) {
      for (const [, name] of step.run!.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts), step.run).toContain(name);
    }
  });

  it.each([
    ['a project page', projectPage, '/summit-diff/'],
    ['a custom domain', customDomain, '/']
  ])('builds %s for publishing, with the base path the host serves', (_, outputs, base) => {
    const step = steps.find((step) => step.run?.includes('npm run build'))!;
    const args = step.run!.split(/\s+/);
    const env = resolved(step, outputs);
    expect(args).toContain('--production');
    expect(productionProblem(args, env)).toBeUndefined();
    expect(env.SITE_URL).toBe(outputs.origin);
    expect(normaliseBase(env.BASE_PATH)).toBe(base);
    // The link check after the build looks under the same base.
    const check = steps.find((step) => step.run?.includes('check:links'))!;
    expect(normaliseBase(resolved(check, outputs).BASE_PATH)).toBe(base);
  });
});
