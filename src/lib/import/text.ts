/**
 * Read a statement saved as plain text: blank lines separate paragraphs (or
 * every line is one, when the file has no blank lines), hard-wrapped lines are
 * joined, a numbered part or a date line standing on its own line is split off,
 * and footnotes written `[1]` / `[^1]` with notes `[1] …` (or under a "Notes"
 * line as `1. …`) are kept.
 */
import { footnoteMark, readDateLine, type Block, type ImportFootnote, type ImportSource } from './draft.ts';

const definitionLine = /^\[\^?([A-Za-z0-9_-]{1,20})\]:?\s+(\S.*)$/;
const notesHeading = /^(?:foot)?notes:?$/i;
const numberedNote = /^(\d{1,3})[.)]?\s+(\S.*)$/;
const reference = /\[\^([A-Za-z0-9_-]{1,20})\]|\[(\d{1,3})\]/g;
const headingLine = /^(?:part\s+)?(?:[IVXLC]{1,7}|\d{1,2})[.)]?\s+\S.{0,100}$/i;

/**
 * Read plain text.
 *
 * @param text the file's text.
 * @returns blocks and footnotes for `draftStatement`.
 */
export function readText(text: string): ImportSource {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/[\t\u00a0]/g, ' ').trimEnd());
  const hasBlankLines = lines.some((line, index) => line.trim() === '' && index > 0 && index < lines.length - 1 && lines[index - 1]?.trim() !== '');
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) groups.push(current);
      current = [];
    } else if (!hasBlankLines) groups.push([line.trim()]);
    else current.push(line.trim());
  }
  if (current.length > 0) groups.push(current);

  const blocks: Block[] = [];
  const footnotes: ImportFootnote[] = [];
  let inNotes = false;
  for (const group of groups) {
    if (notesHeading.test(group[0] ?? '')) {
      inNotes = true;
      group.shift();
    }
    if (inNotes || definitionLine.test(group[0] ?? '')) {
      for (const line of group) {
        const definition = definitionLine.exec(line) ?? (inNotes ? numberedNote.exec(line) : null);
        const last = footnotes[footnotes.length - 1];
        if (definition?.[1] && definition[2]) footnotes.push({ label: definition[1], text: definition[2] });
        else if (last) last.text += ` ${line}`;
      }
      continue;
    }
    for (const piece of splitGroup(group)) blocks.push({ type: isCapitalsHeading(piece) ? 'heading' : 'paragraph', text: markReferences(piece) });
  }
  return { blocks, footnotes, stripped: [] };
}

// A part heading or a date line on the first line of a wrapped block stands alone.
function splitGroup(group: string[]): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  group.forEach((line, index) => {
    const next = group[index + 1];
    // A wrapped sentence goes on: the line ends on a small word, or the next starts in lower case.
    const goesOn = next !== undefined && (/\b(?:and|or|the|a|an|of|to|for|in|on|at|by|with|from|its|their)$/i.test(line) || /^\p{Ll}/u.test(next));
    const alone = (headingLine.test(line) && !/[.;:,]$/.test(line) && line.split(' ').length <= 14 && !goesOn) || (line.split(' ').length <= 10 && readDateLine(line).date !== undefined);
    if (alone) {
      if (current.length > 0) pieces.push(current.join(' '));
      pieces.push(line);
      current = [];
    } else current.push(line);
  });
  if (current.length > 0) pieces.push(current.join(' '));
  return pieces;
}

function isCapitalsHeading(text: string): boolean {
  return text.split(' ').length <= 10 && /\p{Lu}{2}/u.test(text) && text === text.toUpperCase() && !/[.;,]$/.test(text);
}

function markReferences(text: string): string {
  return text.replace(reference, (_, caret: string | undefined, number: string | undefined) => footnoteMark(caret ?? number ?? ''));
}
