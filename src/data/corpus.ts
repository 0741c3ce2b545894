/**
 * The corpus of the build, loaded and analysed once and shared by every page.
 * The content folder is `CONTENT_DIR` (default `content/`).
 */
import { resolve } from 'node:path';
import { loadCorpus, type Corpus } from './load.ts';
import { formatReport, hasErrors } from '../lib/model/diagnostics.ts';

/** The content folder of this build. */
export const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');

let cached: Promise<Corpus> | undefined;

/** The corpus; the build fails with a full report when the content has errors. */
export function getCorpus(): Promise<Corpus> {
  cached ??= loadCorpus(contentDir, buildToday()).then((corpus) => {
    if (hasErrors(corpus.diagnostics)) {
      throw new Error(`The content in ${contentDir} has errors:\n${formatReport(corpus.diagnostics)}`);
    }
    return corpus;
  });
  return cached;
}

// "Today" of a build: SOURCE_DATE_EPOCH when set, so builds are reproducible.
function buildToday(): { today: string } {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const now = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
  return { today: now.toISOString().slice(0, 10) };
}
