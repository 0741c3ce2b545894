/**
 * Figures of the house: how long the longest functions in src/lib are, and how many import
 * cycles src/lib has (0 is the rule: a cycle means two modules are one in two files).
 *
 *   node scripts/house-figures.ts [--top <n>] [--limit <lines>]
 *
 * A function's length is its lines from signature to closing brace, inner functions included
 * (a long function split into inner ones is still one long function to read). An import
 * cycle is a strongly connected group of two or more files (or a file importing itself) in
 * the graph of relative imports and re-exports, type-only ones included: a type cycle ties
 * two modules together as surely as a value one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const { values } = parseArgs({ options: { top: { type: 'string', default: '5' }, limit: { type: 'string', default: '80' } } });
const root = fileURLToPath(new URL('..', import.meta.url));
const lib = join(root, 'src/lib');

type Fn = { name: string; file: string; line: number; lines: number };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.getText(source);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  return '(anonymous)';
}

/** Every function of a file with its length in lines. */
function functionsOf(file: string): Fn[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Fn[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ name: nameOf(node, source), file: relative(root, file), line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Relative imports and re-exports of a file, resolved to files. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) out.push(resolve(dirname(file), specifier.text));
  }
  return out;
}

/** Strongly connected groups of the graph that are cycles (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(group);
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found;
}

const files = sourceFiles(lib);
const functions = files.flatMap(functionsOf).sort((a, b) => b.lines - a.lines);
const limit = Number(values.limit);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const loops = cycles(graph);

console.log(`src/lib: ${files.length} files, ${functions.length} functions`);
console.log(`longest functions (lines, inner functions included):`);
for (const fn of functions.slice(0, Number(values.top))) console.log(`  ${String(fn.lines).padStart(4)}  ${fn.name}  ${fn.file}:${fn.line}`);
console.log(`functions over ${limit} lines: ${functions.filter((fn) => fn.lines > limit).length}`);
console.log(`import cycles: ${loops.length}`);
for (const loop of loops) console.log(`  ${loop.map((file) => relative(root, file)).join(' ↔ ')}`);
