/**
 * The corpus of the build, loaded and analysed once and shared by every page.
 * The content folder is `CONTENT_DIR` (default `content/`).
 */
import { resolve } from 'node:path';
import { loadCorpus, type Corpus } from './load.ts';
import { formatReport, hasErrors } from '../lib/model/diagnostics.ts';
import { checkDay } from './build-date.ts';

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

// "Today" of the date check: the one the build script used (see checkDay), not the commit date it sets as SOURCE_DATE_EPOCH.
function buildToday(): { today: string } {
  return { today: checkDay() };
}
