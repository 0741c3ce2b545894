import { loadCorpus } from '../src/data/load.ts';
import { analyse } from '../src/data/analysis.ts';
const corpus = await loadCorpus(process.argv[2]!);
const errs = corpus.diagnostics.filter((d) => d.severity === 'error');
console.log('errors', errs.length, errs.slice(0, 5).map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`));
const a = analyse({ ...corpus, diagnostics: [] });
const st = a.series[0]!.statements;
const fmt = (ps: { op: string; text: string }[]) => ps.map((p) => (p.op === 'equal' ? p.text : `{${p.op[0]}:${p.text}}`)).join('').slice(0, 160);
for (let k = 1; k < st.length; k++) {
  const c = a.comparison(st[k - 1]!.id, st[k]!.id)!;
  const rows = c.sections.flatMap((s) => s.rows);
  console.log(`\n${st[k - 1]!.id} -> ${st[k]!.id}: ${rows.length} rows`, JSON.stringify(c.report.counts), 'levels', [...new Set(st[k]!.sections.map((s) => s.level))]);
  for (const r of rows) {
    if (r.heading || r.group || (r.kind !== 'kept' && r.from.length + r.to.length <= 2 && r.from.every((x) => x.text.split(' ').length <= 16) && r.to.every((x) => x.text.split(' ').length <= 16)))
      console.log(`  ${r.kind}/${r.shape}${r.heading ? ' H:' + r.heading.note : ''}${r.group ? ' G:' + r.group.kind : ''} ${Math.round(r.score * 100)}% | ${fmt(r.older)} || ${fmt(r.newer)}`);
  }
}
