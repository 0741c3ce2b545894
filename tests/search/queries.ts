/**
 * The search page's query set: what a reader types, and the provisions
 * (paragraph keys) that answer it, chosen by reading content/statements/*.md.
 * `npm run eval:search` prints precision@3 and MRR over it; the browser test
 * requires an expected provision in the top 3 of every query.
 */
export type SearchQuery = { query: string; expected: string[]; why: string };

export const searchQueries: SearchQuery[] = [
  { query: 'alliance', expected: ['relations-nature'], why: 'relations "not a military-political alliance" / "superior to alliances of the Cold War era"' },
  { query: 'no limits', expected: ['no-limits'], why: 'friendship "has no limits" (2022)' },
  { query: 'non-alignment', expected: ['relations-nature'], why: '"non-alignment, non-confrontation and non-targeting of third countries" (2023, 2024)' },
  { query: 'one-China principle', expected: ['taiwan-one-china'], why: 'Russia reaffirms its commitment to the one-China principle, every year' },
  { query: 'Taiwan independence', expected: ['taiwan-one-china'], why: 'opposes any form of "Taiwan independence"' },
  { query: 'inalienable part', expected: ['taiwan-one-china'], why: 'Taiwan "an inalienable part of China"' },
  { query: 'nuclear war cannot be won', expected: ['nuclear-war-no-winners'], why: 'the five nuclear-weapon states formula' },
  { query: 'AUKUS', expected: ['aukus'], why: 'seriously concerned about AUKUS' },
  { query: 'cancel culture', expected: ['cancel-culture'], why: 'oppose "cancel culture" (2024)' },
  { query: 'root causes', expected: ['ukraine-root-causes'], why: '"necessary to eliminate its root causes" of the Ukraine crisis' },
  { query: 'extended deterrence', expected: ['extended-deterrence'], why: 'arrangements of extended nuclear deterrence' },
  { query: 'glorification of Nazism', expected: ['wwii-outcomes'], why: 'condemn the glorification of Nazism (2024, 2025)' },
  { query: 'indivisible security', expected: ['indivisible-security', 'ukraine-root-causes', 'eurasian-security'], why: 'the principle of indivisible security' },
  { query: 'unique strategic value', expected: ['partnership-value'], why: 'the "unique strategic value" of the relationship' },
  { query: 'colour revolutions', expected: ['colour-revolutions'], why: 'oppose "colour revolutions"' },
  { query: 'biological weapons', expected: ['biological-weapons'], why: 'the Biological Weapons Convention, military biological activities' },
  { query: 'Golden Dome', expected: ['missile-defence', 'space-combat'], why: 'the US "Golden Dome" (2025 stability statement)' },
  { query: 'code of conduct', expected: ['south-china-sea'], why: 'a code of conduct for the South China Sea' }
];
