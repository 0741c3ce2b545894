/**
 * Turn a parsed YAML document into data without letting the input crash the
 * build: an alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]`, …) expands to
 * billions of nodes, and the yaml package stops it by throwing, which would
 * end the build with a stack trace instead of a file:line message.
 */
import { visit, type Document } from 'yaml';

/** Most alias expansions a content file may use (the corpus uses none). */
export const maxYamlAliases = 100;

/** The data, or why it could not be had and where (an offset into the YAML text). */
export type YamlData = { ok: true; data: unknown } | { ok: false; offset: number; message: string; hint: string };

/**
 * `document.toJS()`, guarded.
 *
 * @param document a document parsed without errors.
 */
export function yamlToData(document: Document): YamlData {
  try {
    return { ok: true, data: document.toJS({ maxAliasCount: maxYamlAliases }) };
  } catch (error) {
    let offset = 0;
    visit(document, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
    });
    const aliases = isAliasHeavy(error);
    return {
      ok: false,
      offset,
      message: aliases ? `the YAML expands its aliases (*name) more than ${maxYamlAliases} times` : `the YAML could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      hint: aliases ? 'Write the values out instead of repeating them through anchors (&name) and aliases (*name).' : 'Simplify the YAML: plain fields, lists and strings.'
    };
  }
}

function isAliasHeavy(error: unknown): boolean {
  return error instanceof Error && /alias/i.test(error.message);
}

