/** `/data/statements/<id>.json`: one statement as the analysis reads it, for comparing in the browser (src/lib/export/compare-data.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getAnalysis } from '../../../data/analysis.ts';
import { nodeId } from '../../../lib/analyse/graph.ts';
import { toStatementFileJson } from '../../../lib/export/compare-data.ts';
import type { Statement } from '../../../lib/model/types.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const analysis = await getAnalysis();
  return analysis.series.flatMap((series) => series.statements.map((statement) => ({ params: { id: statement.id }, props: { statement } })));
};

export const GET: APIRoute<{ statement: Statement }> = async ({ props }) => {
  const analysis = await getAnalysis();
  const { statement } = props;
  const body = toStatementFileJson(statement, (clauseId) => analysis.lineageOf(nodeId(statement.id, clauseId))?.id);
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
