/**
 * Importer placeholders: `npm run import` writes `TODO` (with a `# needs
 * review` comment) for a field it could not read. A file that still holds one
 * is refused with the field's file:line:column, whatever the field (a `TODO`
 * title, short title or place would otherwise pass the schema and be published).
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { isPlaceholder } from '../model/schema.ts';

const optionalFields = new Set(['place', 'coverage', 'lang']);

export type Placeholder = { path: string; line: number; column: number; message: string; hint: string };

/**
 * Every scalar of the front matter that is (or starts with) `TODO`.
 *
 * @param document the parsed front matter.
 * @param at the line and column of a character offset in the front matter.
 */
export function placeholderDiagnostics(document: Document, at: (offset: number) => { line: number; column: number }): Placeholder[] {
  const found: Placeholder[] = [];
  const visit = (node: unknown, path: Array<string | number>): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index]));
    } else if (isScalar(node) && isPlaceholder(node.value)) {
      const offset = (node as Node).range?.[0] ?? 0;
      const field = path.join('.');
      found.push({
        path: field,
        ...at(offset),
        message: `front matter field \`${field}\` is still the importer's placeholder ${JSON.stringify(String(node.value))}`,
        hint: `Write the real value of \`${field}\` (the import report says where each field came from)${optionalFields.has(field) ? ', or remove the field: it is optional' : ''}.`
      });
    }
  };
  visit(document.contents, []);
  return found;
}
