/**
 * TEI P5 export of a series: the statements as witnesses of one text, their
 * aligned clauses as a critical apparatus in parallel segmentation. Each
 * aligned unit (clauses linked by the alignments, transitively) is one
 * `<app>`. An app accounts for the statements of its span, from the first that
 * has the unit to the last: each gives one `<rdg>`, empty where it lacks the
 * unit; so does a later statement a cited source says leaves it out. A statement
 * outside the span lacks the unit for the reason its edition gives (absent from a
 * complete text, else not documented), which the header states once: writing it
 * in every app made the file grow as units x statements, past the longest string
 * JavaScript holds at 500 statements, while almost every unit stands in a few.
 * The editors' concordance follows as a `<linkGrp>`: one `<link type="continues">`
 * per pair, between the two paragraphs (a `<join>` of their segs when a
 * paragraph has several clauses).
 * Evidence travels with the text: each verbatim quote is a `<quote>` whose
 * `@source` points to its witness in the `<listBibl>` of the registry, and an
 * empty reading says why (`@cause`): a documented omission, or not documented.
 */
import { escapeXml } from '../model/xml.ts';
import type { Alignment, Clause, RegistrySource, Statement } from '../model/types.ts';
import { witnessOf } from '../content/registry.ts';
import type { Series } from '../content/series.ts';
import type { ConcordanceEntry } from '../content/concordance.ts';

/**
 * Write a series as TEI P5 XML.
 *
 * @param series the series (id, title, description).
 * @param statements its statements, in date order.
 * @param alignments alignments between statements of the series (usually consecutive ones).
 * @param concordance the editors' concordance; pairs between statements of the series are exported.
 * @returns a well-formed TEI document.
 */
export function toTei(series: Series, statements: Statement[], alignments: Alignment[], concordance: readonly ConcordanceEntry[] = [], registry: readonly RegistrySource[] = []): string {
  const units = alignedUnits(statements, alignments);
  const sources = new Map(registry.map((entry) => [entry.id, entry]));
  const cited = registry.filter((entry) => entry.statements.some((id) => statements.some((statement) => statement.id === id)));
  const witness = (statement: Statement): string => xmlId(`w-${statement.id}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
    '  <teiHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${escapeXml(series.title)}: the statements collated clause by clause</title></titleStmt>`,
    '      <publicationStmt><p>Exported by Summit Diff from its content files.</p></publicationStmt>',
    '      <sourceDesc>',
    '        <listWit>',
    ...statements.map(
      (statement) =>
        `          <witness xml:id="${witness(statement)}" n="${escapeXml(statement.id)}"><title>${escapeXml(statement.title)}</title>, <date when="${escapeXml(statement.date)}">${escapeXml(statement.date)}</date>, <placeName>${escapeXml(statement.place)}</placeName> (${escapeXml(statement.edition)} edition)</witness>`
    ),
    '        </listWit>',
    ...(cited.length
      ? [
          '        <listBibl>',
          ...cited.map((entry) => `          <bibl xml:id="${xmlId(`s-${entry.id}`)}" type="${escapeXml(entry.kind)}"${entry.follows ? ` n="${escapeXml(entry.follows)}"` : ''}><title>${escapeXml(entry.title ?? entry.label)}</title>${entry.date ? ` <date when="${escapeXml(entry.date)}">${escapeXml(entry.date)}</date>` : ''} <ptr target="${escapeXml(entry.url)}"/></bibl>`),
          '        </listBibl>'
        ]
      : []),
    '      </sourceDesc>',
    '    </fileDesc>',
    '    <encodingDesc>',
    '      <variantEncoding method="parallel-segmentation" location="internal"/>',
    '      <editorialDecl><p>Each app gives a reading for every witness from the first that has the unit to the last, empty (with its cause) where one lacks it, and an empty reading for a later witness a cited source says leaves the unit out. A witness an app does not name lies outside that span and lacks the unit: absent from a complete text, otherwise not documented.</p></editorialDecl>',
    '    </encodingDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    `      <ab n="${escapeXml(series.id)}">`
  ];
  units.forEach((unit, index) => {
    lines.push(`        <app xml:id="app-${index + 1}">`);
    const having = statements.flatMap((statement, at) => (unit.has(statement.id) ? [at] : []));
    const first = having[0] ?? 0;
    const last = having.at(-1) ?? -1;
    statements.forEach((statement, at) => {
      const clauses = unit.get(statement.id) ?? [];
      if (clauses.length === 0) {
        const cause = absenceCause(statement, statements, unit);
        // Outside the span only a documented omission is worth a reading; the header says what the others mean.
        if ((at > first && at < last) || cause === 'documented-omission') lines.push(`          <rdg wit="#${witness(statement)}" cause="${cause}"/>`);
        return;
      }
      const segs = clauses.map((clause) => `<seg xml:id="${segId(statement, clause)}" n="${escapeXml(clause.id)}">${withQuotes(clause, sources)}</seg>`);
      lines.push(`          <rdg wit="#${witness(statement)}">${segs.join(' ')}</rdg>`);
    });
    lines.push('        </app>');
  });
  lines.push('      </ab>', ...concordanceLinks(statements, concordance), '    </body>', '  </text>', '</TEI>', '');
  return lines.join('\n');
}

// Why a statement has no reading of a unit: a cited source says it leaves the provision out, the text is complete, or no source documents it.
function absenceCause(statement: Statement, statements: Statement[], unit: Map<string, Clause[]>): string {
  const fallback = statement.complete ? 'absent' : 'not-documented';
  // Most statements name no omission: skip gathering the earlier readings (units x statements x statements at scale).
  if (!statement.omissions?.length) return fallback;
  const earlier = new Set(statements.filter((other) => other.date < statement.date || (other.date === statement.date && other.id < statement.id)).flatMap((other) => (unit.get(other.id) ?? []).flatMap((clause) => [clause.id, clause.paragraphKey])));
  return statement.omissions.some((omission) => earlier.has(omission.key)) ? 'documented-omission' : fallback;
}

// A clause's text with each verbatim quote as <quote source="#s-…"> pointing at its witness.
function withQuotes(clause: Clause, sources: ReadonlyMap<string, RegistrySource>): string {
  let out = '';
  let at = 0;
  for (const quote of clause.quotes) {
    const witness = witnessOf(quote, sources);
    out += escapeXml(clause.text.slice(at, quote.start - 1));
    out += `<quote${witness ? ` source="#${xmlId(`s-${witness.id}`)}"` : ''}>${escapeXml(clause.text.slice(quote.start - 1, quote.end + 1))}</quote>`;
    at = quote.end + 1;
  }
  return out + escapeXml(clause.text.slice(at));
}

function segId(statement: Statement, clause: Clause): string {
  return xmlId(`${statement.id}.${clause.id}`);
}

/** The concordance's pairs between statements of the series, as TEI joins (paragraphs of several clauses) and links. */
function concordanceLinks(statements: Statement[], concordance: readonly ConcordanceEntry[]): string[] {
  const byId = new Map(statements.map((statement) => [statement.id, statement]));
  const joins = new Map<string, string>();
  /** A pointer to a paragraph: its one seg, or a join of its segs. */
  const paragraph = (statement: Statement, key: string): string | undefined => {
    const clauses = statement.sections.flatMap((section) => section.paragraphs).find((candidate) => candidate.key === key)?.clauses ?? [];
    if (clauses.length === 0) return undefined;
    if (clauses.length === 1) return `#${segId(statement, clauses[0]!)}`;
    const id = xmlId(`p-${statement.id}.${key}`);
    joins.set(id, clauses.map((clause) => `#${segId(statement, clause)}`).join(' '));
    return `#${id}`;
  };
  const links: string[] = [];
  for (const entry of concordance) {
    const older = byId.get(entry.older);
    const newer = byId.get(entry.newer);
    if (!older || !newer) continue;
    for (const pair of entry.pairs) {
      const from = paragraph(older, pair.older);
      const to = paragraph(newer, pair.newer);
      if (from && to) links.push(`        <link type="continues" target="${from} ${to}"/>`);
    }
  }
  if (links.length === 0) return [];
  const joinGroup = joins.size ? ['      <joinGrp result="p">', ...[...joins].map(([id, target]) => `        <join xml:id="${id}" target="${target}"/>`), '      </joinGrp>'] : [];
  return [
    ...joinGroup,
    '      <linkGrp type="concordance">',
    ...links,
    '      </linkGrp>'
  ];
}

/** Units of clauses linked by the alignments (connected components), each as statement id → clauses in reading order; the units in a reading order that merges every statement's order. */
function alignedUnits(statements: Statement[], alignments: Alignment[]): Array<Map<string, Clause[]>> {
  const node = (statementId: string, clauseId: string): string => `${statementId}\u0000${clauseId}`;
  const parent = new Map<string, string>();
  const find = (item: string): string => {
    let root = item;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) ?? root;
    parent.set(item, root);
    return root;
  };
  const clauses = new Map<string, Clause>();
  for (const statement of statements) {
    for (const section of statement.sections) {
      for (const paragraph of section.paragraphs) {
        for (const clause of paragraph.clauses) {
          const id = node(statement.id, clause.id);
          clauses.set(id, clause);
          parent.set(id, id);
        }
      }
    }
  }
  for (const alignment of alignments) {
    for (const pair of alignment.pairs) {
      const members = [...pair.from.map((id) => node(alignment.older, id)), ...pair.to.map((id) => node(alignment.newer, id))].filter((id) => clauses.has(id));
      for (const member of members.slice(1)) parent.set(find(member), find(members[0] ?? member));
    }
  }
  // Merge the reading orders: a unit not yet placed goes right after the last placed unit of the same statement.
  const order: string[] = [];
  const placed = new Set<string>();
  for (const statement of statements) {
    let last = -1;
    for (const section of statement.sections) {
      for (const paragraph of section.paragraphs) {
        for (const clause of paragraph.clauses) {
          const root = find(node(statement.id, clause.id));
          if (placed.has(root)) {
            last = Math.max(last, order.indexOf(root));
            continue;
          }
          order.splice(last + 1, 0, root);
          placed.add(root);
          last++;
        }
      }
    }
  }
  const units = new Map<string, Map<string, Clause[]>>(order.map((root) => [root, new Map()]));
  for (const [id, clause] of clauses) {
    const unit = units.get(find(id));
    const statementId = id.split('\u0000')[0] ?? '';
    unit?.set(statementId, [...(unit.get(statementId) ?? []), clause]);
  }
  return [...units.values()];
}

/** An NCName for xml:id: letters, digits, `.`, `-`, `_`, not starting with a digit. */
function xmlId(value: string): string {
  const clean = value.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `s${clean}`;
}
