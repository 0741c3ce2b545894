/**
 * Write tests/fixtures/import/statement.docx: a small Word file of our own
 * invented text (a Title, a date line, numbered parts as Heading 1, body
 * paragraphs and two real Word footnotes), built part by part with jszip.
 * The output is byte-stable (fixed file dates), so it can be committed.
 * Usage: node scripts/make-docx-fixture.ts [out.docx]
 */
import { writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
const out = positionals[0] ?? 'tests/fixtures/import/statement.docx';
const fixedDate = new Date('2024-01-01T00:00:00Z');

const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A run list: plain strings, or `{ note: n }` for a footnote reference. */
type Piece = string | { note: number };

const body: Array<{ style?: string; pieces: Piece[] }> = [
  { style: 'Title', pieces: ['Joint Declaration of the Republic of Calvora and the Kingdom of Dunmere on Energy and Climate'] },
  { pieces: ['Tessel Harbour, 21 September 2023'] },
  { style: 'Heading1', pieces: ['I. Energy'] },
  { pieces: ['The Parties will link their power grids across the Veld river by 2028.', { note: 1 }] },
  { pieces: ['The Parties will share the cost of the link in proportion to the power each draws from it.'] },
  { style: 'Heading1', pieces: ['II. Climate'] },
  { pieces: ['The Parties will plant a forest belt of ten thousand hectares along their common border.'] },
  { pieces: ['The Parties will publish a joint report on the health of the Tessel Sea every three years.', { note: 2 }] },
  { pieces: ['Both Parties call on their neighbours to join the forest belt.'] }
];
const notes = ['An invented provision, written for the Summit Diff tests.', 'No real report is meant.'];

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (piece: Piece): string =>
  typeof piece === 'string'
    ? `<w:r><w:t xml:space="preserve">${escape(piece)}</w:t></w:r>`
    : `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${piece.note}"/></w:r>`;
const paragraph = (item: { style?: string; pieces: Piece[] }): string =>
  `<w:p>${item.style ? `<w:pPr><w:pStyle w:val="${item.style}"/></w:pPr>` : ''}${item.pieces.map(run).join('')}</w:p>`;

const files: Record<string, string> = {
  '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`,
  '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r}/officeDocument" Target="word/document.xml"/></Relationships>`,
  'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${r}/footnotes" Target="footnotes.xml"/></Relationships>`,
  'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${w}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style></w:styles>`,
  'word/footnotes.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="${w}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${notes
    .map((text, index) => `<w:footnote w:id="${index + 1}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${escape(text)}</w:t></w:r></w:p></w:footnote>`)
    .join('')}</w:footnotes>`,
  'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${w}" xmlns:r="${r}"><w:body>${body.map(paragraph).join('')}<w:sectPr/></w:body></w:document>`
};

const zip = new JSZip();
for (const [name, content] of Object.entries(files)) zip.file(name, content, { date: fixedDate });
const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', platform: 'UNIX' });
await writeFile(out, bytes);
console.log(`Wrote ${out} (${bytes.length} bytes).`);
