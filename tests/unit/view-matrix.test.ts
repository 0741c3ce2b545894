import { describe, expect, it } from 'vitest';
import { matrixLayout, wrap, type MatrixInput } from '../../src/view/matrix.ts';

const input: MatrixInput = {
  columns: [{ id: '2022', label: 'Beijing', sublabel: '2022' }, { id: '2023', label: 'Moscow', sublabel: '2023' }, { id: '2024', label: 'Beijing', sublabel: '2024' }],
  groups: [
    { id: 'g1', label: 'Partnership', rows: [
      { id: 'a', label: 'A formula with a rather long label that has to wrap over several lines', cells: [{ state: 'present', title: '' }, { state: 'changed', title: '' }, { state: 'absent', title: '' }] },
      { id: 'b', label: 'Short', cells: [{ state: 'absent', title: '' }, { state: 'present', title: '' }, { state: 'present', title: '' }] }
    ] },
    { id: 'g2', label: 'Security', rows: [{ id: 'c', label: 'C', cells: [{ state: 'present', title: '' }, { state: 'present', title: '' }, { state: 'present', title: '' }] }] }
  ]
};

describe('matrixLayout', () => {
  for (const orientation of ['wide', 'narrow'] as const) {
    it(`matrixLayout(${orientation}) puts columns left to right in the given (date) order inside the width`, () => {
      const layout = matrixLayout(input, { orientation, width: orientation === 'wide' ? 720 : 360 });
      const xs = layout.columns.map((c) => c.x);
      expect([...xs].sort((a, b) => a - b)).toEqual(xs);
      for (const c of layout.columns) {
        expect(c.x - c.width / 2).toBeGreaterThanOrEqual(0);
        expect(c.x + c.width / 2).toBeLessThanOrEqual(layout.width + 0.01);
      }
      for (const row of layout.rows) row.cells.forEach((cell, i) => expect(cell.x).toBe(layout.columns[i]!.x));
    });

    it(`matrixLayout(${orientation}) stacks rows without overlap, groups in order, inside the height`, () => {
      const layout = matrixLayout(input, { orientation, width: orientation === 'wide' ? 720 : 360 });
      expect(layout.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
      for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i]!.y).toBeGreaterThanOrEqual(layout.rows[i - 1]!.y + layout.rows[i - 1]!.height);
      const last = layout.rows[layout.rows.length - 1]!;
      expect(last.y + last.height).toBeLessThanOrEqual(layout.height);
      expect(layout.groups.map((g) => g.label)).toEqual(['Partnership', 'Security']);
      expect(layout.groups[1]!.y).toBeGreaterThan(layout.rows[1]!.y);
    });
  }

  it('matrixLayout gives each state its own shape, not only a colour', () => {
    const layout = matrixLayout(input, { orientation: 'wide', width: 720 });
    const [present, changed, absent] = layout.rows[0]!.cells.map((c) => c.glyph);
    expect(present!.ring).toBe(false);
    expect(present!.fill).toBeTruthy();
    expect(changed!.ring).toBe(true);
    expect(changed!.fill).toBeTruthy();
    expect(changed!.fill).not.toBe(present!.fill);
    expect(absent!.ring).toBe(true);
    expect(absent!.fill).toBeUndefined();
  });

  it('matrixLayout wraps a long label so it fits beside the cells', () => {
    const layout = matrixLayout(input, { orientation: 'wide', width: 520, fontSize: 13 });
    const row = layout.rows[0]!;
    expect(row.lines.length).toBeGreaterThan(1);
    const room = layout.columns[0]!.x - layout.columns[0]!.width / 2;
    for (const line of row.lines) expect(line.length * 13 * 0.55).toBeLessThanOrEqual(room);
  });

  it('matrixLayout wraps a column label that is wider than its band, and makes room for the extra header line', () => {
    const long: MatrixInput = { columns: [{ id: 'a', label: 'Port Alder', sublabel: '2024' }, { id: 'b', label: 'Rome', sublabel: '2025' }], groups: input.groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, cells: r.cells.slice(0, 2) })) })) };
    const narrow = matrixLayout(long, { orientation: 'narrow', width: 110, fontSize: 13 });
    expect(narrow.columns[0]!.lines).toEqual(['Port', 'Alder']);
    expect(narrow.columns[1]!.lines).toEqual(['Rome']);
    for (const column of narrow.columns) for (const line of column.lines) expect(line.length * 13 * 0.62).toBeLessThanOrEqual(column.width + 13 * 0.62 * 0.5);
    const roomy = matrixLayout(long, { orientation: 'narrow', width: 400, fontSize: 13, maxCell: 140 });
    expect(roomy.columns[0]!.lines).toEqual(['Port Alder']);
    // Three header lines (Port / Alder / 2024) push the first row down by one line.
    expect(narrow.rows[0]!.y - roomy.rows[0]!.y).toBe(narrow.lineHeight);
  });

  it('matrixLayout rejects a row whose cells do not match the columns', () => {
    const bad: MatrixInput = { columns: input.columns, groups: [{ id: 'g', label: 'G', rows: [{ id: 'x', label: 'X', cells: [] }] }] };
    expect(() => matrixLayout(bad, { orientation: 'wide', width: 600 })).toThrow(/`x`/);
  });
});

describe('wrap', () => {
  it('wrap(text, n) breaks at spaces and keeps every word', () => {
    const lines = wrap('one two three four five six', 9);
    expect(lines.join(' ')).toBe('one two three four five six');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(9);
  });
});
