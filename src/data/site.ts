/** Site-wide names and wording. */
export const siteName = 'Summit Diff';

/** The default description of a page. */
export const siteDescription =
  'Read diplomatic joint statements against each other: clause-by-clause diffs of the China–Russia summit statements 2022–2025, formulas and topics through the years.';
