/**
 * Series: statements grouped by their `series` field, described by the
 * optional `series.yaml` (id, title, description).
 */
import { z } from 'zod';
import type { Diagnostic, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';
import { keyPattern, langSchema } from '../model/schema.ts';
import { readYamlList } from './yaml-list.ts';

/** A series of statements, oldest first. */
export type Series = { id: string; title: string; description: string; statementIds: string[]; lang?: string; compare?: CompareMode };

/** Which compare pages a series prebuilds: every pair, or the consecutive ones (other pairs are computed in the browser). */
export type CompareMode = 'all' | 'consecutive';

// `lang`: the language of the series' statements unless one says otherwise.
const entrySchema = z.strictObject({ id: z.string().regex(keyPattern), title: z.string().min(1), description: z.string().default(''), lang: langSchema.optional(), compare: z.enum(['all', 'consecutive']).optional() });
const hint = 'Write a list of `- { id: <lowercase-id>, title: …, description: …, lang: … }` entries, one per series (lang, optional, a BCP 47 tag such as zh).';

/**
 * Group statements into series.
 *
 * @param source `series.yaml`, when the corpus has one.
 * @param statements statements sorted by date.
 */
export function readSeries(source: Source | undefined, statements: Statement[]): { series: Series[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const described = new Map<string, { title: string; description: string; lang?: string; compare?: CompareMode }>();
  if (source) {
    const { entries, diagnostics: problems } = readYamlList(source, entrySchema, { rule: 'series-invalid', hint });
    diagnostics.push(...problems);
    for (const { value, positionOf } of entries) {
      if (described.has(value.id)) {
        diagnostics.push({ ...positionOf(['id']), rule: 'duplicate-series-id', severity: 'error', message: `series id \`${value.id}\` is defined twice`, hint: 'Give each series its own id.' });
      }
      described.set(value.id, { title: value.title, description: value.description, ...(value.lang ? { lang: value.lang } : {}), ...(value.compare ? { compare: value.compare } : {}) });
    }
  }
  const byId = new Map<string, string[]>();
  for (const statement of statements) {
    const ids = byId.get(statement.series) ?? [];
    ids.push(statement.id);
    byId.set(statement.series, ids);
  }
  const statementIds = new Set(statements.map((statement) => statement.id));
  const series = [...byId].map(([id, ids]) => {
    if (statementIds.has(id)) {
      const first = statements.find((statement) => statement.series === id);
      diagnostics.push({ file: first?.file ?? 'series.yaml', line: 1, column: 1, rule: 'series-id-clash', severity: 'error', message: `series id \`${id}\` is also the id of a statement`, hint: 'Rename the series (the `series` field) or the statement file so that URLs stay unambiguous.' });
    }
    const lang = described.get(id)?.lang;
    const compare = described.get(id)?.compare;
    return { id, title: described.get(id)?.title ?? titleOf(id), description: described.get(id)?.description ?? '', statementIds: ids, ...(lang ? { lang } : {}), ...(compare ? { compare } : {}) };
  });
  return { series, diagnostics };
}

function titleOf(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('–');
}
