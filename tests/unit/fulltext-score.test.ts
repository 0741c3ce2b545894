/**
 * The full-text evaluation's scoring (src/lib/eval/fulltext-score.ts) on tiny
 * versions and compare pages written by hand, with the figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { addScores, pageRowsOf, precisionRecall, scorePair, targetsOf, truthOf } from '../../src/lib/eval/fulltext-score.ts';

const del = (text: string) => `<del><span class="visually-hidden">[deleted: </span>${text}<span class="visually-hidden">]</span></del>`;
const ins = (text: string) => `<ins><span class="visually-hidden">[inserted: </span>${text}<span class="visually-hidden">]</span></ins>`;
const gap = '<p class="gap"><strong>Not here.</strong></p>';
/** A row as the compare page writes it; `undefined` for a side the row does not have. */
const row = (id: string, kind: string, older: string | undefined, newer: string | undefined) =>
  `<div class="row kind-${kind}" id="${id}" data-kind="${kind}"><div class="row-meta"><span class="kind-label">${kind}</span></div>` +
  `<div class="cell older"><span class="cell-label">A</span>${older === undefined ? gap : `<p class="text">${older}</p><p class="refs"><a href="#">A ¶ x.1</a></p>`}</div>` +
  `<div class="cell newer"><span class="cell-label">B</span>${newer === undefined ? gap : `<p class="text">${newer}</p><p class="refs"><a href="#">B ¶ x.1</a></p>`}</div></div>`;
const page = (...rows: string[]) => `<!doctype html><html><body><div class="compare">${rows.join('')}</div></body></html>`;

const older = 'Widgets may be used at home.\n\nFees are due monthly.\n';
const newer = 'Widgets may be used at work.\n\nFees are due monthly.\n';

describe('truthOf()', () => {
  it('finds the one changed word of a one-word change, as git word-diff does', () => {
    const truth = truthOf(older, newer);
    expect(truth.changes).toHaveLength(1);
    expect(truth.changes[0]!.label).toBe('[-home.-]{+work.+}');
    expect(truth.changes[0]!.removed.map((p) => truth.olderWords[p])).toEqual(['home']);
    expect(truth.changes[0]!.added.map((p) => truth.newerWords[p])).toEqual(['work']);
    // "Fees" (older word 6) stays as newer word 6.
    expect(truth.olderToNewer[6]).toBe(6);
    expect(truth.olderToNewer[5]).toBe(-1);
  });

  it('counts markup and invisible characters as no text change', () => {
    const truth = truthOf('**Opt out.** You may leave.\n', '### Opt out\n\nYou may\u2060 leave.\n');
    expect(truth.changes).toHaveLength(0);
    expect(truth.olderToNewer).toEqual([0, 1, 2, 3, 4]);
  });

  // 60 copies are placed all at once, 70 (more ties than that pass allows) one after the other.
  for (const n of [60, 70]) {
    it(`places a one-word row however often its word occurs (${n} copies): in the page's order`, () => {
      // "close" is a line of its own n times, then once more in the newer version.
      const lines = (count: number) => Array.from({ length: count }, () => 'Close').join('\n\n');
      const truth = truthOf(`${lines(n)}\n\nWe changed the terms.\n`, `${lines(n + 1)}\n\nWe changed the terms.\n`);
      expect(truth.changes.map((change) => change.added)).toEqual([[n]]);
      const rows = [...Array.from({ length: n }, (_, at) => row(`c${at}`, 'kept', 'Close', 'Close')), row('new', 'added', undefined, 'Close'), row('t', 'kept', 'We changed the terms.', 'We changed the terms.')];
      const score = scorePair(truth, pageRowsOf(page(...rows)));
      expect(score.words).toEqual({ found: 1, missed: 0, falselyShown: 0 });
      expect(score.rows.unplaced).toBe(0);
      expect(score.rows.pairedRight).toBe(n + 1);
    });
  }

  it('slides a change over equal words to join the next one, as git does: an unchanged line keeps its words', () => {
    const older = '*   To write to you about our news and events;\n*   To create your account;\n';
    const newer = '*   To send you news that may be of interest to you;\n*   To create your account;\n';
    // git diff --word-diff: To [-write to-]{+send+} you[-about our-] news [-and events;-]{+that may be of interest to you;+}
    expect(truthOf(older, newer).changes.map((change) => change.label)).toEqual(['[-write to-]{+send+}', '[-about our-]', '[-and events;-]{+that may be of interest to you;+}']);
    // The scorer before: the "To" of the unchanged "To create" line counted as inserted, one insertion as two changes.
    expect(truthOf(older, newer, { previous: true }).changes.map((change) => change.label)).toEqual(['[-write to-]{+send+}', '[-about our-]', '[-and events;-]{+that may be of interest+}', '{+you; To+}']);
  });

  it('counts a changed link target, and files it under links', () => {
    const truth = truthOf('Read the [terms](https://widget.example/old) first.\n', 'Read the [terms](https://widget.example/new) first.\n');
    expect(truth.changes).toHaveLength(1);
    expect(truth.changes[0]!.kind).toBe('link');
    expect(truth.changes[0]!.removed.map((p) => truth.olderWords[p])).toEqual(['old']);
    expect(truth.changes[0]!.added.map((p) => truth.newerWords[p])).toEqual(['new']);
  });

  it('compares git’s tokens whole: the "what" of "What’s" is not the "what" of an inserted sentence', () => {
    const older = 'Country version: Ireland\n\nWhat’s covered in these terms\n';
    const newer = 'Country version: Ireland\n\nWe are updating our terms so you know what to expect from us.\n\nWhat’s covered in these terms\n';
    const truth = truthOf(older, newer);
    // One inserted sentence, whole, as git word-diff shows it; the heading keeps its words.
    expect(truth.changes.map((change) => change.added.map((p) => truth.newerWords[p]).join(' '))).toEqual(['we are updating our terms so you know what to expect from us']);
    // Inside a changed token, words on both sides are kept: a hyphen is no change of the words.
    expect(truthOf('Make legally-required updates.\n', 'Make legally required updates.\n').changes).toEqual([]);
  });

  it('reads HTML tags as markup, not words: a table cell’s `<br>` is no word "br"', () => {
    const truth = truthOf('| Data | Inputs<br>* Feedback |\n', '| Data | Inputs<br>* Study data<br>* Feedback |\n');
    expect(truth.olderWords).toEqual(['data', 'inputs', 'feedback']);
    expect(truth.changes.map((change) => change.added.map((p) => truth.newerWords[p]))).toEqual([['study', 'data']]);
    // An autolink is no tag: its address stays words.
    expect(truthOf('See <https://widget.example/a>.\n', 'See <https://widget.example/b>.\n').changes[0]!.kind).toBe('link');
  });

  it('counts a link whose words are its address once, as a reader sees it, and still files it under links', () => {
    const truth = truthOf('Write to us at [help@widget.example](mailto:help@widget.example).\n', 'Write to us.\n');
    expect(truth.olderWords).toEqual(['write', 'to', 'us', 'at', 'help', 'widget', 'example']);
    expect(truth.changes).toHaveLength(1);
    expect(truth.changes[0]!.removed.map((p) => truth.olderWords[p])).toEqual(['at', 'help', 'widget', 'example']);
    expect(truth.changes[0]!.kind).toBe('link');
    // A link with words of its own keeps both its words and its address.
    expect(truthOf('[Write to us](mailto:help@widget.example).\n', '').olderWords).toEqual(['write', 'to', 'us', 'mailto', 'help', 'widget', 'example']);
    expect(truthOf('[https://widget.example](https://widget.example/).\n', '').olderWords).toEqual(['https', 'widget', 'example']);
  });

  it('files a change on a heading line (ATX or setext) under headings', () => {
    expect(truthOf('## 3. Fees\n\nText.\n', '## 3. Fees and taxes\n\nText.\n').changes[0]!.kind).toBe('heading');
    expect(truthOf('Fees\n====\n\nText.\n', 'Charges\n=======\n\nText.\n').changes[0]!.kind).toBe('heading');
  });
});

describe('pageRowsOf()', () => {
  it('reads each row’s kind and marked words, without the screen-reader text', () => {
    const rows = pageRowsOf(page(row('a.1', 'changed', `Widgets may be used at ${del('home')}.`, `Widgets may be used at ${ins('work')}.`), row('b.1', 'dropped', 'Fees are due.', undefined)));
    expect(rows).toHaveLength(2);
    expect(rows[0]!.kind).toBe('changed');
    expect(rows[0]!.older.map((part) => part.text).join('')).toBe('Widgets may be used at home.');
    expect(rows[0]!.older.filter((part) => part.marked).map((part) => part.text)).toEqual(['home']);
    expect(rows[0]!.newer.filter((part) => part.marked).map((part) => part.text)).toEqual(['work']);
    // A dropped row's text is shown as changed, whole; it has no newer text.
    expect(rows[1]!.older.every((part) => part.marked)).toBe(true);
    expect(rows[1]!.newer).toEqual([]);
  });

  it('skips the rows that only say where a clause moved', () => {
    expect(pageRowsOf(page(row('m', 'moved-away', 'Fees.', undefined)))).toEqual([]);
  });
});

describe('scorePair()', () => {
  const truth = truthOf(older, newer);

  it('scores a page that shows the change right: 2 words found, none missed or false', () => {
    const score = scorePair(truth, pageRowsOf(page(row('a.1', 'changed', `Widgets may be used at ${del('home')}.`, `Widgets may be used at ${ins('work')}.`), row('b.1', 'kept', 'Fees are due monthly.', 'Fees are due monthly.'))));
    expect(score.words).toEqual({ found: 2, missed: 0, falselyShown: 0 });
    expect(score.changes).toMatchObject({ total: 1, shownRight: 1, visible: 1 });
    expect(score.rows).toMatchObject({ total: 2, paired: 2, pairedRight: 2, falseChange: 0, unplaced: 0 });
    expect(precisionRecall(score.words)).toEqual({ precision: 1, recall: 1 });
    expect(targetsOf(score).every((target) => target.pass)).toBe(true);
  });

  it('scores a reworded line shown as Dropped plus Added: visible, not shown right, 6 words falsely shown', () => {
    const score = scorePair(truth, pageRowsOf(page(row('a.1', 'dropped', 'Widgets may be used at home.', undefined), row('a.2', 'added', undefined, 'Widgets may be used at work.'), row('b.1', 'kept', 'Fees are due monthly.', 'Fees are due monthly.'))));
    // "widgets may be used at" is marked on both sides (5 + 5) though unchanged.
    expect(score.words).toEqual({ found: 2, missed: 0, falselyShown: 10 });
    expect(score.changes).toMatchObject({ total: 1, shownRight: 0, visible: 1 });
    expect(score.notShown).toEqual([{ label: '[-home.-]{+work.+}', visible: true, rows: ['a.1', 'a.2'] }]);
    // The two rows each hold a changed word: neither is a false change row.
    expect(score.rows.falseChange).toBe(0);
    expect(precisionRecall(score.words)).toEqual({ precision: 2 / 12, recall: 1 });
    expect(targetsOf(score).map((target) => target.pass)).toEqual([false, true, true]);
  });

  it('counts an unchanged paragraph shown as Dropped and Added as two false change rows', () => {
    const score = scorePair(truth, pageRowsOf(page(row('a.1', 'changed', `Widgets may be used at ${del('home')}.`, `Widgets may be used at ${ins('work')}.`), row('b.1', 'dropped', 'Fees are due monthly.', undefined), row('b.2', 'added', undefined, 'Fees are due monthly.'))));
    expect(score.rows.falseChange).toBe(2);
    expect(score.falseRows).toEqual(['b.1', 'b.2']);
    expect(score.words.falselyShown).toBe(8);
  });

  it('counts a missed change: a row labelled Same over changed text', () => {
    const score = scorePair(truth, pageRowsOf(page(row('a.1', 'kept', 'Widgets may be used at home.', 'Widgets may be used at work.'), row('b.1', 'kept', 'Fees are due monthly.', 'Fees are due monthly.'))));
    expect(score.words).toEqual({ found: 0, missed: 2, falselyShown: 0 });
    expect(score.changes).toMatchObject({ shownRight: 0, visible: 0 });
    expect(targetsOf(score).map((target) => target.pass)).toEqual([false, true, false]);
  });

  it('counts a wrong pairing: two paragraphs that share no kept word', () => {
    const score = scorePair(truth, pageRowsOf(page(row('x', 'changed', `${del('Fees are due monthly')}.`, `${ins('Widgets may be used at work')}.`))));
    expect(score.rows).toMatchObject({ paired: 1, pairedRight: 0 });
  });

  it('counts an invisible character marked in a row labelled Same as an empty mark and a false change row', () => {
    const score = scorePair(truthOf('Widgets work.\n', 'Widgets\u2060 work.\n'), pageRowsOf(page(row('w', 'kept', 'Widgets work.', `Widgets${ins('\u2060')} work.`))));
    expect(score.rows).toMatchObject({ emptyMarks: 1, falseChange: 1 });
    expect(score.changes.total).toBe(0);
  });

  it('misses a changed link target the page does not show', () => {
    const linkTruth = truthOf('Read the [terms](https://widget.example/old) first.\n', 'Read the [terms](https://widget.example/new) first.\n');
    const score = scorePair(linkTruth, pageRowsOf(page(row('r', 'kept', 'Read the terms first.', 'Read the terms first.'))));
    expect(score.changes.byKind.link).toEqual({ total: 1, visible: 0 });
    expect(score.words.missed).toBe(2);
  });

  it('places the rows of a document that holds its text twice in their own copy, a row moved up included', () => {
    // Both versions hold their text twice; in each copy the help line moved to the top and "privacy team" became "data officer".
    const copy = (lines: string[]) => `${lines.join('\n\n')}\n\n`;
    const olderLines = ['Use the form on our site.', 'Write to the privacy team at our office.', 'Read our help pages.'];
    const newerLines = ['Read our help pages.', 'Use the form on our site.', 'Write to the data officer at our office.'];
    const truth = truthOf(copy([...olderLines, ...olderLines]), copy([...newerLines, ...newerLines]));
    // The word diff: in each copy the help line is dropped and added again, and "privacy team" → "data officer".
    expect(truth.changes.filter((change) => change.label === '[-privacy team-]{+data officer+}')).toHaveLength(2);
    const rows = [1, 2].flatMap((n) => [
      row(`help-${n}`, 'kept', 'Read our help pages.', 'Read our help pages.'),
      row(`form-${n}`, 'kept', 'Use the form on our site.', 'Use the form on our site.'),
      row(`write-${n}`, 'changed', `Write to the ${del('privacy team')} at our office.`, `Write to the ${ins('data officer')} at our office.`)
    ]);
    const score = scorePair(truth, pageRowsOf(page(...rows)));
    // Both copies' "privacy team" → "data officer" are visible and shown right, each in its own row.
    const officer = score.notShown.filter((change) => change.label.includes('officer'));
    expect(officer).toEqual([]);
    expect(score.words.falselyShown).toBe(0);
    // The scorer before: the first copy's form row went to the second copy (the first start after the help row), and so did its
    // changed row, which left the first copy's "privacy team" unmarked.
    const previous = scorePair(truth, pageRowsOf(page(...rows)), { previous: true });
    expect(previous.notShown.filter((change) => change.label.includes('officer')).map((change) => change.visible)).toEqual([false]);
  });

  it('places a dropped row of a document that holds its text twice in the copy where the rows around it stand', () => {
    const copy = (lines: string[]) => `${lines.join('\n\n')}\n\n`;
    const olderLines = ['Use the form on our site.', 'Write to the privacy team at our office.', 'Read our help pages.'];
    const newerLines = ['Use the form on our site.', 'Read our help pages.'];
    const truth = truthOf(copy([...olderLines, ...olderLines]), copy([...newerLines, ...newerLines]));
    const rows = [1, 2].flatMap((n) => [
      row(`form-${n}`, 'kept', 'Use the form on our site.', 'Use the form on our site.'),
      row(`write-${n}`, 'dropped', 'Write to the privacy team at our office.', undefined),
      row(`help-${n}`, 'kept', 'Read our help pages.', 'Read our help pages.')
    ]);
    const score = scorePair(truth, pageRowsOf(page(...rows)));
    expect(score.changes).toMatchObject({ total: 2, shownRight: 2, visible: 2 });
    expect(score.words).toEqual({ found: 16, missed: 0, falselyShown: 0 });
  });

  it('reads a page word the raw text’s markup cuts in two as those two words ("2025Previous" is "2025[Previous")', () => {
    const truth = truthOf('Effective 1 May 2025[Earlier version](https://w.example/terms/a1)\n', 'Effective 9 June 2026[Earlier version](https://w.example/terms/b2)\n');
    // The page shows the line as the source's site does: the link's words right after the date.
    const html = page(row('e', 'changed', `Effective ${del('1 May 2025Earlier')} version &lt;https://w.example/terms/${del('a1')}&gt;`, `Effective ${ins('9 June 2026Earlier')} version &lt;https://w.example/terms/${ins('b2')}&gt;`));
    const score = scorePair(truth, pageRowsOf(html));
    expect(score.rows.unplaced).toBe(0);
    expect(score.changes).toMatchObject({ total: 1, shownRight: 1, visible: 1 });
    // The scorer before could not place "2025earlier": the change was not visible.
    const previous = scorePair(truthOf('Effective 1 May 2025[Earlier version](https://w.example/terms/a1)\n', 'Effective 9 June 2026[Earlier version](https://w.example/terms/b2)\n', { previous: true }), pageRowsOf(html), { previous: true });
    expect(previous.rows.unplaced).toBe(1);
    expect(previous.changes.visible).toBe(0);
  });

  it('adds pages up', () => {
    const one = scorePair(truth, pageRowsOf(page(row('a.1', 'kept', 'Widgets may be used at home.', 'Widgets may be used at work.'))));
    const sum = addScores([one, one]);
    expect(sum.words.missed).toBe(4);
    expect(sum.changes.total).toBe(2);
  });
});
