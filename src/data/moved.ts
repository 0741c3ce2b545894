/**
 * The moved anchors of this build's corpus (`<content>/moved.yaml`), with their notes.
 * load.ts reads and checks the file with the rest of the content, so the build (and
 * check:content) fails with a report when it has errors.
 */
import { getCorpus } from './corpus.ts';
import { movedNote, type MovedAnchor } from '../lib/content/moved.ts';

/** A moved anchor with its note, ready to render. */
export type RenderedMove = MovedAnchor & { text: string };

let cached: Promise<RenderedMove[]> | undefined;

/**
 * The moved anchors of one statement page.
 *
 * @param statementId the statement.
 */
export async function movedAnchors(statementId: string): Promise<RenderedMove[]> {
  cached ??= getCorpus().then((corpus) => corpus.moved.map((entry) => ({ ...entry, text: movedNote(entry) })));
  return (await cached).filter((entry) => entry.statement === statementId);
}
