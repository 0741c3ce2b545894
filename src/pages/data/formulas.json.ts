/** `/data/formulas.json`: each formula with the clauses that carry it, per statement. */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../../data/analysis.ts';
import { toFormulasJson } from '../../lib/export/open-data.ts';
import { getTrackers } from '../../data/tracker.ts';

export const GET: APIRoute = async () => {
  const analysis = await getAnalysis();
  const states: Record<string, Record<string, string>> = {};
  for (const tracker of await getTrackers()) {
    for (const row of tracker.groups.flatMap((group) => group.rows)) {
      states[row.formula.id] = { ...states[row.formula.id], ...Object.fromEntries(row.cells.map((cell) => [cell.statementId, cell.state])) };
    }
  }
  return new Response(toFormulasJson(analysis.corpus.formulas, analysis.series.flatMap((series) => series.statements), states), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
