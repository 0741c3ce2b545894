/**
 * Statement ids come from file names and become URL segments and file names
 * of the built site: a name such as `..md` or `2021 tëst #1?.md` would give a
 * path that escapes its folder, a broken link or an Astro error, so ids are
 * limited to lowercase letters, digits and hyphens, and the message proposes
 * a name that is.
 */
import type { Diagnostic } from '../model/types.ts';

/** What a statement id may be: lowercase letters, digits and hyphens, starting with a letter or digit. */
export const statementIdPattern = /^[a-z0-9][a-z0-9-]*$/;

/** A valid id close to `id`, or undefined when nothing is left of it. */
export function suggestId(id: string): string | undefined {
  const value = id
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return value || undefined;
}

/**
 * The problem with the id of the statement file at `path`, or undefined.
 *
 * @param id the id taken from the file name.
 * @param path the file, relative to the content folder.
 */
export function statementIdProblem(id: string, path: string): Diagnostic | undefined {
  if (statementIdPattern.test(id)) return undefined;
  const name = path.split('/').pop() ?? path;
  const suggestion = suggestId(id);
  return {
    file: path,
    line: 1,
    column: 1,
    rule: 'statement-id-invalid',
    severity: 'error',
    message: `the file name ${JSON.stringify(name)} does not make a valid statement id (ids are made of a-z, 0-9 and -)`,
    hint: `${suggestion ? `Rename the file to \`${suggestion}.md\`` : 'Rename the file to lowercase letters, digits and hyphens, such as `2021-moscow.md`'}: the file name is the statement's id and its URL.`
  };
}
