/**
 * Moved anchors (`moved.yaml` in the content folder): a permalink anchor that
 * no longer names a provision keeps answering, with a note saying where the
 * provision went. Cool URIs don't change.
 */
import { z } from 'zod';
import { readYamlList } from './yaml-list.ts';
import type { Diagnostic, Position, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';

/** One moved anchor of a statement page. */
export type MovedAnchor = {
  statement: string;
  /** The published anchor that no longer names a provision. */
  anchor: string;
  /** Where it went: an anchor on the same page, or a site path with its anchor. */
  to?: string;
  /** What happened, in words; shown when the old anchor is opened. */
  note?: string;
};

const entrySchema = z.strictObject({ statement: z.string().min(1), anchor: z.string().regex(/^[A-Za-z][\w.-]*$/), to: z.string().min(1).optional(), note: z.string().min(1).optional() });
const hint = 'Write a list of `- { statement: <id>, anchor: <gone anchor>, to: <anchor>, note: … }` entries; anchors are letters, digits, - . _, and each entry has a `to` or a `note`.';

/**
 * Read and check `moved.yaml`: each entry names a statement of the corpus, an
 * anchor that is not on its page any more, and a `to` or a `note`.
 *
 * @param source the file, when the corpus has one.
 * @param statements the corpus.
 */
export function readMoved(source: Source | undefined, statements: readonly Statement[]): { moved: MovedAnchor[]; diagnostics: Diagnostic[] } {
  if (!source) return { moved: [], diagnostics: [] };
  const { entries, diagnostics } = readYamlList(source, entrySchema, { rule: 'moved-invalid', hint });
  const report = (position: Position, rule: string, message: string, hint: string): void => {
    diagnostics.push({ ...position, rule, severity: 'error', message, hint });
  };
  const moved: MovedAnchor[] = [];
  for (const { value: entry, position, positionOf } of entries) {
    const statement = statements.find((s) => s.id === entry.statement);
    if (!statement) {
      report(positionOf(['statement']), 'moved-unknown-statement', `no statement \`${entry.statement}\``, 'Use the id (file name) of a statement of the corpus.');
      continue;
    }
    const anchors = anchorsOf(statement);
    if (anchors.has(entry.anchor)) {
      report(positionOf(['anchor']), 'moved-anchor-exists', `\`#${entry.anchor}\` still names a part of ${entry.statement}`, 'List only anchors that are gone from the page.');
      continue;
    }
    if (!entry.to && !entry.note) {
      report(position, 'moved-no-target', `\`#${entry.anchor}\` has neither \`to\` nor \`note\``, 'Say where the provision went (`to: <anchor>`) or what happened to it (`note: …`).');
      continue;
    }
    if (entry.to && !entry.to.startsWith('/') && !anchors.has(entry.to)) {
      report(positionOf(['to']), 'moved-target-missing', `\`to: ${entry.to}\` is not an anchor of ${entry.statement}`, 'Name a paragraph key or clause id of the page, or a site path such as /statements/<id>/#<key>.');
      continue;
    }
    moved.push(entry);
  }
  return { moved, diagnostics };
}

/**
 * The note shown when a moved anchor is opened.
 *
 * @param entry the moved anchor.
 */
export function movedNote(entry: MovedAnchor): string {
  const where = entry.to ? (entry.to.startsWith('/') ? ` It is now at ${entry.to}.` : ` It is now at #${entry.to}, just below.`) : '';
  return `The link pointed to “#${entry.anchor}”, a provision that is no longer on this page.${where}${entry.note ? ` ${entry.note}` : ''}`;
}

function anchorsOf(statement: Statement): Set<string> {
  const anchors = new Set<string>(['footnotes']);
  for (const section of statement.sections) {
    anchors.add(section.key);
    for (const paragraph of section.paragraphs) {
      anchors.add(paragraph.key);
      for (const clause of paragraph.clauses) anchors.add(clause.id);
    }
  }
  return anchors;
}
