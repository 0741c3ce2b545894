/**
 * The full-text pipeline without a build, for tests: two raw versions of a document are
 * imported as `npm run import` does (readDocument → draftStatement → toMarkdown), the newer
 * one's keys carried forward as `npm run keys --apply` does, both parsed and compared as the
 * compare page does (comparePair), and the page's rows scored against the word diff of the
 * raw texts (src/lib/eval/fulltext-score.ts), as `npm run eval:fulltext` scores a built page.
 */
import { align } from '../../src/lib/align/align.ts';
import { comparePair, type CompareRow } from '../../src/lib/analyse/compare-rows.ts';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { scorePair, truthOf, type CellPart, type PageRow, type PairScore } from '../../src/lib/eval/fulltext-score.ts';
import { draftStatement, toMarkdown } from '../../src/lib/import/draft.ts';
import { applyKeys, proposeKeys } from '../../src/lib/import/keys-propose.ts';
import { readDocument } from '../../src/lib/import/read.ts';
import { clausesOf } from '../../src/lib/model/statement.ts';
import type { Statement } from '../../src/lib/model/types.ts';

/** An imported version's statement file, as the importer writes it. */
export function importVersion(raw: string, id: string, date: string, name = `${id}.md`): string {
  const draft = draftStatement(readDocument(name, raw), { id, date, title: 'Terms', shortTitle: id, series: 'widget', kind: 'terms', edition: 'full', sourceLabel: 'Widget', sourceUrl: `https://widget.example/${id}` });
  return toMarkdown(draft);
}

function parse(text: string, id: string): Statement {
  const result = parseStatement({ path: `statements/${id}.md`, text }, { today: '9999-12-31' });
  if (!result.statement) throw new Error(`${id} did not parse: ${JSON.stringify(result.diagnostics)}`);
  return result.statement;
}

/** Both versions imported, the newer one keyed from the older one, and compared. */
export function compareVersions(olderRaw: string, newerRaw: string): { rows: CompareRow[]; older: Statement; newer: Statement } {
  const older = parse(importVersion(olderRaw, 'v1', '2025-01-01'), 'v1');
  let newerText = importVersion(newerRaw, 'v2', '2025-06-01');
  const first = parse(newerText, 'v2');
  newerText = applyKeys(newerText, first, proposeKeys(older, first, align(clausesOf(older), clausesOf(first), { formulas: [] }))).text;
  const newer = parse(newerText, 'v2');
  const { sections } = comparePair(older, newer, { formulas: [], corrections: [], registry: new Map(), companions: [], lineageOf: () => undefined });
  return { rows: sections.flatMap((section) => section.rows), older, newer };
}

/** A compare row as the page shows it: its kind and each side's text, marked where it is deleted or inserted. */
export function pageRow(row: CompareRow): PageRow {
  const side = (parts: CompareRow['older'], whole: boolean): CellPart[] => parts.map((part) => ({ text: part.text, marked: whole || part.op !== 'equal' }));
  return { id: row.id, kind: row.kind, older: side(row.older, row.kind === 'dropped'), newer: side(row.newer, row.kind === 'added') };
}

/** The evaluation's score of the compare rows of two raw versions. */
export function scoreVersions(olderRaw: string, newerRaw: string): PairScore & { rows: PairScore['rows']; shown: PageRow[] } {
  const { rows } = compareVersions(olderRaw, newerRaw);
  const shown = rows.filter((row) => row.kind !== 'moved-away').map(pageRow);
  return { ...scorePair(truthOf(olderRaw, newerRaw), shown), shown };
}
