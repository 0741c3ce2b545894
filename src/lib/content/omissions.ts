/**
 * Documented omissions: a statement's front matter may record that a cited
 * source says it leaves out a provision of earlier statements. A digest's
 * silence means "not documented"; an omission turns it into "documented as
 * left out", and the pages say which.
 */
import type { Diagnostic, Omission, Statement } from '../model/types.ts';
import { clausesOf } from '../model/statement.ts';

/** Every omission must name a provision (a paragraph key) of an earlier statement of the same series. */
export function checkOmissions(statements: readonly Statement[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const statement of statements) {
    if (!statement.omissions?.length) continue;
    const earlier = statements.filter((other) => other.series === statement.series && (other.date < statement.date || (other.date === statement.date && other.id < statement.id)));
    const keys = new Set(earlier.flatMap((other) => other.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => [paragraph.key, ...paragraph.clauses.map((clause) => clause.id)]))));
    for (const omission of statement.omissions) {
      if (keys.has(omission.key)) continue;
      diagnostics.push({
        ...omission.position,
        rule: 'omission-key-unknown',
        severity: 'error',
        message: `omission names \`${omission.key}\`, which is not a provision of any earlier statement of the series \`${statement.series}\``,
        hint: earlier.length ? 'Use the {#key} of the provision in the earlier statement that this one leaves out.' : 'Only a statement with earlier statements in its series can leave something out; remove the omission.'
      });
    }
  }
  return diagnostics;
}

/** The omissions of `statement` that concern any of `clauses` (by their paragraph key or their own id). */
export function omissionsFor(statement: Statement, clauses: Iterable<{ id: string; paragraphKey: string }>): Omission[] {
  const wanted = new Set<string>();
  for (const clause of clauses) wanted.add(clause.id).add(clause.paragraphKey);
  return (statement.omissions ?? []).filter((omission) => wanted.has(omission.key));
}

/**
 * Clause-level omissions that the pairing the site shows contradicts: a source says the
 * clause has no counterpart in `statement`, yet the pairs link it to one of its clauses,
 * so the compare page would show no gap and no omission note. (A paragraph-level omission
 * may concern one sentence of the paragraph only, so it is not checked.)
 *
 * @param statement the statement whose front matter records the omissions.
 * @param earlier the earlier statement compared with it.
 * @param pairs the pairs of earlier → statement as the site shows them (corrections applied).
 */
export function contradictedOmissions(statement: Statement, earlier: Statement, pairs: ReadonlyArray<{ from: readonly string[]; to: readonly string[] }>): Diagnostic[] {
  const clauseIds = new Set(clausesOf(earlier).map((clause) => clause.id));
  const diagnostics: Diagnostic[] = [];
  for (const omission of statement.omissions ?? []) {
    if (!omission.key.includes('.') || !clauseIds.has(omission.key)) continue;
    const linked = pairs.find((pair) => pair.from.includes(omission.key) && pair.to.length > 0);
    if (!linked) continue;
    diagnostics.push({
      ...omission.position,
      rule: 'omission-contradicted',
      severity: 'error',
      message: `the omission says \`${omission.key}\` of \`${earlier.id}\` has no counterpart here, but the pairing links it to ${linked.to.map((id) => `\`${id}\``).join(', ')}`,
      hint: `Add to alignments.yaml, under older: ${earlier.id} and newer: ${statement.id}, the line \`forbid: [["${omission.key}", "${linked.to[0]}"]]\`, or revise the omission.`
    });
  }
  return diagnostics;
}
