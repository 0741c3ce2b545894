/**
 * Series: statements grouped by their `series` field, described by the
 * optional `series.yaml` (id, title, description).
 */
import { z } from 'zod';
import { parse } from 'yaml';
import type { Diagnostic, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';
import { keyPattern } from '../model/schema.ts';

/** A series of statements, oldest first. */
export type Series = { id: string; title: string; description: string; statementIds: string[] };

const seriesSchema = z.array(z.strictObject({ id: z.string().regex(keyPattern), title: z.string().min(1), description: z.string().default('') }));

/**
 * Group statements into series.
 *
 * @param source `series.yaml`, when the corpus has one.
 * @param statements statements sorted by date.
 */
export function readSeries(source: Source | undefined, statements: Statement[]): { series: Series[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const described = new Map<string, { title: string; description: string }>();
  if (source) {
    let data: unknown;
    try {
      data = parse(source.text);
    } catch (error) {
      diagnostics.push({ file: source.path, line: 1, column: 1, rule: 'yaml-malformed', severity: 'error', message: `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, hint: 'Write a list of `- id: …, title: …, description: …` entries.' });
    }
    const result = seriesSchema.safeParse(data ?? []);
    if (!result.success) {
      diagnostics.push({ file: source.path, line: 1, column: 1, rule: 'lexicon-invalid', severity: 'error', message: `series.yaml: ${result.error.issues[0]?.message ?? 'invalid'}`, hint: 'Each series has id, title and description.' });
    } else {
      for (const entry of result.data) {
        if (described.has(entry.id)) {
          const line = source.text.split('\n').findIndex((text, index) => index > 0 && text.includes(`id: ${entry.id}`)) + 1;
          diagnostics.push({ file: source.path, line: Math.max(line, 1), column: 1, rule: 'duplicate-series-id', severity: 'error', message: `series id \`${entry.id}\` is defined twice`, hint: 'Give each series its own id.' });
        }
        described.set(entry.id, { title: entry.title, description: entry.description });
      }
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
    return { id, title: described.get(id)?.title ?? titleOf(id), description: described.get(id)?.description ?? '', statementIds: ids };
  });
  return { series, diagnostics };
}

function titleOf(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('–');
}
