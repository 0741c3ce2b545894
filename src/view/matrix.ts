/**
 * Layout of a presence matrix (rows × columns of glyphs), e.g. formulas ×
 * statements: positions, wrapped labels and glyph paths. Pure geometry, no DOM.
 */
import { arc, scaleBand } from 'd3';
import type { CellState } from './tracker.ts';

/** A cell to draw. */
export type MatrixCellInput = { state: CellState; href?: string; title: string };
/** A row to draw. */
export type MatrixRowInput = { id: string; label: string; href?: string; cells: MatrixCellInput[] };
/** A group of rows under a heading. */
export type MatrixGroupInput = { id: string; label: string; rows: MatrixRowInput[] };
/** A column heading. */
export type MatrixColumnInput = { id: string; label: string; sublabel?: string };
/** What the matrix shows. */
export type MatrixInput = { columns: MatrixColumnInput[]; groups: MatrixGroupInput[] };

/** Layout settings. */
export type MatrixOptions = {
  /** `wide`: labels left of the cells; `narrow`: labels above them (small screens). */
  orientation: 'wide' | 'narrow';
  /** Total width in px. */
  width: number;
  /** Font size of labels in px (default 13). */
  fontSize?: number;
  /** Largest cell width in px (default 84). */
  maxCell?: number;
  /** Show group headings (default true). */
  groupHeadings?: boolean;
};

/** A glyph: a ring (outline circle) and optionally a filled path inside it. */
export type Glyph = { r: number; fill: string | undefined; ring: boolean };

/** A placed cell. */
export type MatrixCell = MatrixCellInput & { x: number; y: number; glyph: Glyph };
/** A placed row: label lines start at (labelX, labelY), one line every `lineHeight`. */
export type MatrixRow = Omit<MatrixRowInput, 'cells'> & { y: number; height: number; labelX: number; labelY: number; lines: string[]; cells: MatrixCell[] };
/** A placed group heading: its text baseline at y, its slot from `top` for `height` px. */
export type MatrixGroup = { id: string; label: string; x: number; y: number; top: number; height: number };
/** A placed column heading (centre x, first line at y). */
/** A placed column: its label wrapped to the band (`lines`), the sublabel on the line below. */
export type MatrixColumn = MatrixColumnInput & { x: number; y: number; width: number; lines: string[] };

/** The computed matrix. */
export type MatrixLayout = {
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  columns: MatrixColumn[];
  groups: MatrixGroup[];
  rows: MatrixRow[];
};

/**
 * Lay out a matrix: columns as bands, rows stacked in group order, labels
 * wrapped to the room they have.
 *
 * @param input columns and grouped rows; every row has one cell per column.
 * @param options orientation and size.
 */
export function matrixLayout(input: MatrixInput, options: MatrixOptions): MatrixLayout {
  const fontSize = options.fontSize ?? 13;
  const lineHeight = Math.round(fontSize * 1.3);
  const width = options.width;
  const wide = options.orientation === 'wide';
  const maxCell = options.maxCell ?? 84;
  const count = Math.max(1, input.columns.length);
  const labelWidth = wide ? Math.max(120, width - count * maxCell - 12) : 0;
  const cellsWidth = Math.min(count * maxCell, width - labelWidth);
  const x = scaleBand<string>()
    .domain(input.columns.map((column) => column.id))
    .range([width - cellsWidth, width])
    .paddingInner(0.08);
  const band = x.bandwidth();
  const r = Math.max(4, Math.min(9, band / 4, fontSize * 0.6));
  const glyphs = glyphsOf(r);

  // Column labels wrap at spaces to the band's width (bold text: about 0.62 em a character).
  const columnChars = Math.max(4, Math.floor(band / (fontSize * 0.62)));
  const columnLines = input.columns.map((column) => wrap(column.label, columnChars));
  const headerLines = Math.max(1, ...input.columns.map((column, index) => columnLines[index]!.length + (column.sublabel ? 1 : 0)));
  const columns: MatrixColumn[] = input.columns.map((column, index) => ({ ...column, x: (x(column.id) ?? 0) + band / 2, y: lineHeight, width: band, lines: columnLines[index]! }));
  let y = headerLines * lineHeight + 10;
  const groups: MatrixGroup[] = [];
  const rows: MatrixRow[] = [];
  const charsPerLine = Math.max(12, Math.floor((wide ? labelWidth - 10 : width) / (fontSize * 0.55)));
  for (const group of input.groups) {
    if (options.groupHeadings ?? true) {
      groups.push({ id: group.id, label: group.label, x: 0, y: y + 6 + lineHeight * 0.8, top: y, height: lineHeight + 10 });
      y += lineHeight + 10;
    }
    for (const row of group.rows) {
      if (row.cells.length !== input.columns.length) {
        throw new Error(`matrixLayout(): row \`${row.id}\` has ${row.cells.length} cells for ${input.columns.length} columns: give one cell per column.`);
      }
      const lines = wrap(row.label, charsPerLine);
      const labelHeight = lines.length * lineHeight;
      const cellRow = Math.max(2 * r + 8, lineHeight + 4);
      const height = wide ? Math.max(cellRow, labelHeight + 6) : labelHeight + cellRow + 2;
      const cellY = wide ? y + height / 2 : y + labelHeight + cellRow / 2 + 2;
      rows.push({
        id: row.id,
        label: row.label,
        ...(row.href ? { href: row.href } : {}),
        y,
        height,
        labelX: 0,
        labelY: wide ? y + (height - labelHeight) / 2 + lineHeight * 0.78 : y + lineHeight * 0.8,
        lines,
        cells: row.cells.map((cell, index) => ({ ...cell, x: columns[index]!.x, y: cellY, glyph: glyphs[cell.state] }))
      });
      y += height;
    }
  }
  return { width, height: Math.ceil(y + 4), fontSize, lineHeight, columns, groups, rows };
}

/**
 * Split `text` into lines of at most `max` characters at spaces (a longer word stands alone).
 *
 * @param text the label.
 * @param max characters per line.
 */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// Shapes, not colour alone: a full disc, a ring with its right half filled, an empty ring (absent, or dashed: in a same-day statement), a small dotted ring (not documented).
function glyphsOf(r: number): Record<CellState, Glyph> {
  const disc = arc()({ innerRadius: 0, outerRadius: r, startAngle: 0, endAngle: 2 * Math.PI }) ?? undefined;
  const half = arc()({ innerRadius: 0, outerRadius: r, startAngle: 0, endAngle: Math.PI }) ?? undefined;
  return {
    present: { r, fill: disc, ring: false },
    changed: { r, fill: half, ring: true },
    absent: { r: r * 0.7, fill: undefined, ring: true },
    'same-day': { r: r * 0.7, fill: undefined, ring: true },
    undocumented: { r: r * 0.4, fill: undefined, ring: true }
  };
}
