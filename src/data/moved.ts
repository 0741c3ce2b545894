/**
 * The moved anchors of this build's corpus (`<content>/moved.yaml`), read once;
 * the build fails with a report when the file has errors.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentDir, getCorpus } from './corpus.ts';
import { movedNote, readMoved, type MovedAnchor } from '../lib/content/moved.ts';
import { formatReport } from '../lib/model/diagnostics.ts';

/** A moved anchor with its note, ready to render. */
export type RenderedMove = MovedAnchor & { text: string };

let cached: Promise<RenderedMove[]> | undefined;

/**
 * The moved anchors of one statement page.
 *
 * @param statementId the statement.
 */
export async function movedAnchors(statementId: string): Promise<RenderedMove[]> {
  cached ??= (async () => {
    const corpus = await getCorpus();
    const text = await readFile(join(contentDir, 'moved.yaml'), 'utf8').catch(() => undefined);
    const result = readMoved(text === undefined ? undefined : { path: 'moved.yaml', text }, corpus.statements);
    if (result.diagnostics.length > 0) throw new Error(`The content in ${contentDir} has errors:\n${formatReport(result.diagnostics)}`);
    return result.moved.map((entry) => ({ ...entry, text: movedNote(entry) }));
  })();
  return (await cached).filter((entry) => entry.statement === statementId);
}
