/** The words the site uses for each kind of compare row (compare pages, method page). */
import type { RowKind } from './analysis.ts';

/** The visible label of each kind. */
export const kindLabels: Record<RowKind, string> = {
  same: 'Same',
  reworded: 'Reworded',
  moved: 'Moved',
  split: 'Split',
  merged: 'Merged',
  dropped: 'Dropped',
  added: 'Added',
  'moved-away': 'Moved away'
};

/** What each kind means, in a few words. */
export const kindHelp: Record<RowKind, string> = {
  same: 'the same wording in both',
  reworded: 'the same provision in other words',
  moved: 'the provision stands elsewhere in the newer statement',
  split: 'one older clause became several',
  merged: 'several older clauses became one',
  dropped: 'not in the newer statement',
  added: 'not in the older statement',
  'moved-away': 'where a moved clause stood'
};
