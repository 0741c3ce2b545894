/**
 * Series: statements grouped by their `series` field, described by the
 * optional `series.yaml`: id, title, description, lang, the document noun
 * ("statement", "version", "terms") and the kinds of document a series holds,
 * with their labels. Without series.yaml every kebab-case kind is accepted;
 * a series that declares `kinds` accepts only those.
 */
import { z } from 'zod';
import type { Diagnostic, Position, Statement } from '../model/types.ts';
import type { Source } from '../model/diagnostics.ts';
import { keyPattern, langSchema } from '../model/schema.ts';
import { readYamlList } from './yaml-list.ts';

/** What a series calls one of its documents, and several. */
export type Noun = { one: string; many: string };

/** Which compare pages a series prebuilds: every pair, or the consecutive ones (other pairs are computed in the browser). */
export type CompareMode = 'all' | 'consecutive';

/** The noun of a series that names none: the shipped corpus's. */
export const defaultNoun: Noun = { one: 'statement', many: 'statements' };

/** A kind of document a series declares, with the label pages show. */
export type KindEntry = { id: string; label: string };

/** A series of statements, oldest first. */
export type Series = {
  id: string;
  title: string;
  description: string;
  statementIds: string[];
  lang?: string;
  /** The document noun (`noun` / `plural` in series.yaml); "statement" by default. */
  noun?: Noun;
  /** The declared kinds (`kinds` in series.yaml); absent when any kind is accepted. */
  kinds?: KindEntry[];
  /** Which compare pages are prebuilt (`compare` in series.yaml); see compareModeOf for the default. */
  compare?: CompareMode;
};

const nounSchema = z.string().trim().min(1).max(30).regex(/^[\p{L}][\p{L}\p{M} '’-]*$/u, 'expected a word or two, such as version or terms');
// `lang`: the language of the series' statements unless one says otherwise.
const entrySchema = z.strictObject({
  id: z.string().regex(keyPattern),
  title: z.string().min(1),
  description: z.string().default(''),
  lang: langSchema.optional(),
  noun: nounSchema.optional(),
  plural: nounSchema.optional(),
  compare: z.enum(['all', 'consecutive']).optional(),
  kinds: z.array(z.strictObject({ id: z.string().regex(keyPattern, 'expected a kind in lowercase letters, digits and hyphens'), label: z.string().trim().min(1) })).min(1).optional()
});
const hint =
  'Write a list of `- { id: <lowercase-id>, title: …, description: …, lang: …, noun: version, plural: versions, kinds: [{ id: terms, label: Terms of service }], compare: all | consecutive }` entries, one per series (all but id and title optional).';

/** Where a statement's `series` and `kind` fields are written, for messages. */
export type FieldPositions = ReadonlyMap<string, Partial<Record<'series' | 'kind', Position>>>;

/**
 * Group statements into series, and check each statement's series and kind
 * against series.yaml.
 *
 * @param source `series.yaml`, when the corpus has one.
 * @param statements statements sorted by date.
 * @param positions where each statement (by id) writes its `series` and `kind` (line 1 when unknown).
 * @param languageSeriesOf the series a language version's own series translates (`lorn-en` → `lorn`), for the series.yaml checks.
 */
export function readSeries(source: Source | undefined, statements: Statement[], positions?: FieldPositions, languageSeriesOf?: ReadonlyMap<string, string>): { series: Series[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  type Described = Omit<Series, 'id' | 'statementIds'>;
  const described = new Map<string, Described>();
  if (source) {
    const { entries, diagnostics: problems } = readYamlList(source, entrySchema, { rule: 'series-invalid', hint });
    diagnostics.push(...problems);
    for (const { value, positionOf } of entries) {
      if (described.has(value.id)) {
        diagnostics.push({ ...positionOf(['id']), rule: 'duplicate-series-id', severity: 'error', message: `series id \`${value.id}\` is defined twice`, hint: 'Give each series its own id.' });
      }
      const entry: Described = { title: value.title, description: value.description };
      if (value.lang) entry.lang = value.lang;
      if (value.noun) entry.noun = { one: value.noun, many: value.plural ?? `${value.noun}s` };
      if (value.kinds) entry.kinds = value.kinds;
      if (value.compare) entry.compare = value.compare;
      described.set(value.id, entry);
    }
  }
  const at = (statement: Statement, field: 'series' | 'kind'): Position => positions?.get(statement.id)?.[field] ?? { file: statement.file, line: 1, column: 1 };
  const byId = new Map<string, string[]>();
  for (const statement of statements) {
    // A language version's series (`<series>-<lang>`) is known when the series it translates is.
    const entryId = languageSeriesOf?.get(statement.series) ?? statement.series;
    // A series id series.yaml does not know is a typo or a missing entry: it would build a series of its own, with no pairs and no word.
    if (source && !described.has(entryId) && (described.size > 0 || !diagnostics.some((d) => d.file === source.path))) {
      const known = [...described.keys()];
      diagnostics.push({
        ...at(statement, 'series'),
        rule: 'series-unknown',
        severity: 'error',
        message: `series \`${statement.series}\` is not an id of ${source.path}${known.length > 0 ? ` (${known.slice(0, 6).join(', ')})` : ''}`,
        hint: known.length > 0 ? `Fix the id (one of: ${known.join(', ')}), or add an entry \`- id: ${statement.series}\` with its title to ${source.path}.` : `Add an entry \`- id: ${statement.series}\` with its title to ${source.path}.`
      });
    }
    const kinds = described.get(entryId)?.kinds;
    if (kinds && !kinds.some((kind) => kind.id === statement.kind)) {
      diagnostics.push({
        ...at(statement, 'kind'),
        rule: 'kind-unknown',
        severity: 'error',
        message: `kind \`${statement.kind}\` is not one of the kinds series \`${statement.series}\` declares in series.yaml (${kinds.map((kind) => kind.id).join(', ')})`,
        hint: `Use one of: ${kinds.map((kind) => kind.id).join(', ')}; or add \`{ id: ${statement.kind}, label: … }\` to the series' \`kinds\` in series.yaml.`
      });
    }
    const ids = byId.get(statement.series) ?? [];
    ids.push(statement.id);
    byId.set(statement.series, ids);
  }
  const statementIds = new Set(statements.map((statement) => statement.id));
  const series = [...byId].map(([id, ids]): Series => {
    const members = statements.filter((statement) => statement.series === id);
    if (statementIds.has(id)) {
      diagnostics.push({ file: members[0]?.file ?? 'series.yaml', line: 1, column: 1, rule: 'series-id-clash', severity: 'error', message: `series id \`${id}\` is also the id of a statement`, hint: 'Rename the series (the `series` field) or the statement file so that URLs stay unambiguous.' });
    }
    diagnostics.push(...kindSplit(id, members, at));
    // Without series.yaml a mistyped id makes a series of its own: one statement, no pairs.
    const others = [...byId].filter(([other]) => other !== id);
    if (!source && members.length === 1 && members[0] && others.some(([, list]) => list.length > 1)) {
      const [closest] = others.sort((a, b) => b[1].length - a[1].length)[0] ?? [];
      diagnostics.push({
        ...at(members[0], 'series'),
        rule: 'series-lone',
        severity: 'warning',
        message: `series \`${id}\` holds only ${members[0].file}, so it has nothing to compare; the other series are ${others.map(([other, list]) => `\`${other}\` (${list.length})`).join(', ')}`,
        hint: `If ${members[0].file} belongs to \`${closest ?? ''}\`, fix its \`series\`; name every series in series.yaml to make an unknown id an error.`
      });
    }
    const entry = described.get(id);
    return { id, ...(entry ?? { title: defaultTitle(id, members), description: '' }), statementIds: ids };
  });
  return { series, diagnostics };
}

/**
 * The title of a series series.yaml does not describe: the title its documents share (the
 * versions of one document), else "Series <id>". Never the id capitalised, which reads as a
 * title and is not one.
 */
export function defaultTitle(id: string, statements: readonly Pick<Statement, 'title'>[]): string {
  const titles = new Set(statements.map((statement) => statement.title));
  const [only] = titles;
  return titles.size === 1 && only ? only : `Series ${id}`;
}

/**
 * The kind of a series' main line: the kind most of its statements share, ties going to
 * the kind of the earliest (the series' own genre).
 *
 * @param statements statements of one series, oldest first.
 */
export function mainKindOf(statements: readonly Pick<Statement, 'kind'>[]): string | undefined {
  const counts = new Map<string, number>();
  for (const statement of statements) counts.set(statement.kind, (counts.get(statement.kind) ?? 0) + 1);
  let best: string | undefined;
  for (const statement of statements) {
    if (best === undefined || (counts.get(statement.kind) ?? 0) > (counts.get(best) ?? 0)) best = statement.kind;
  }
  return best;
}

/**
 * A statement of another kind than the main line's is a side document when a statement of the
 * main kind was signed the same day (the strategic-stability statement beside a joint
 * statement); otherwise it continues the line under another kind.
 *
 * @param statement a statement of the series.
 * @param statements the series, oldest first.
 * @param mainKind from `mainKindOf`.
 */
export function isSideDocument(statement: Pick<Statement, 'kind' | 'date'>, statements: readonly Pick<Statement, 'kind' | 'date'>[], mainKind: string | undefined): boolean {
  return statement.kind !== mainKind && statements.some((other) => other.kind === mainKind && other.date === statement.date);
}

// Several kinds on one main line: an importer's guess ("declaration" for one file,
// "joint-statement" for the next) would otherwise split the line without a word.
function kindSplit(id: string, members: readonly Statement[], at: (statement: Statement, field: 'kind') => Position): Diagnostic[] {
  const mainKind = mainKindOf(members);
  const others = members.filter((statement) => statement.kind !== mainKind && !isSideDocument(statement, members, mainKind));
  const first = others[0];
  if (!first || !mainKind) return [];
  const named = others.map((statement) => `${statement.file} (${statement.kind})`);
  return [
    {
      ...at(first, 'kind'),
      rule: 'kinds-split',
      severity: 'warning',
      message: `series \`${id}\` has several kinds on its main line: ${named.slice(0, 6).join(', ')}${named.length > 6 ? ` and ${named.length - 6} more` : ''} beside \`${mainKind}\` (${members.length - others.length} statements). The main line is read as \`${mainKind}\` (the kind most statements share; ties go to the earliest), and these statements stay on it because no \`${mainKind}\` is dated the same day`,
      hint: `Give every version the same kind (\`kind: ${mainKind}\`); keep another kind only for a side document signed the same day as a \`${mainKind}\`.`
    }
  ];
}

/**
 * The label of a kind: the series' declared label, else the kind id in words.
 *
 * @param kind a kind id.
 * @param series the statement's series.
 */
export function kindLabel(kind: string, series?: Pick<Series, 'kinds'>): string {
  const declared = series?.kinds?.find((entry) => entry.id === kind)?.label;
  if (declared) return declared;
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Where a statement file writes its `series` and `kind` (the value's line and column), read
 * from the front matter's top-level lines.
 *
 * @param file the statement's path, for the positions.
 * @param text the file's text.
 */
export function seriesFieldPositions(file: string, text: string): Partial<Record<'series' | 'kind', Position>> {
  const positions: Partial<Record<'series' | 'kind', Position>> = {};
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return positions;
  for (let index = 1; index < lines.length && lines[index]?.trim() !== '---'; index++) {
    const match = /^(series|kind):[ \t]*/.exec(lines[index] ?? '');
    if (match?.[1] === 'series' || match?.[1] === 'kind') positions[match[1]] = { file, line: index + 1, column: match[0].length + 1 };
  }
  return positions;
}
