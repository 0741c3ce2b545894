/**
 * Format diagnostics for people: `file:line:column  severity  message  [rule]`
 * and the hint on the next line.
 */
import type { Diagnostic } from './types.ts';

/** A content file as read from disk. */
export type Source = { path: string; text: string };

/** Adds a diagnostic at a line and column. */
export type Reporter = (line: number, column: number, rule: string, message: string, hint: string, severity?: Diagnostic['severity']) => void;

/**
 * One diagnostic as text.
 *
 * @param diagnostic the problem.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}  [${diagnostic.rule}]\n    → ${diagnostic.hint}`;
}

/**
 * All diagnostics as a report, errors first, sorted by place.
 *
 * @param diagnostics problems.
 */
export function formatReport(diagnostics: Diagnostic[]): string {
  const sorted = [...diagnostics].sort(
    (a, b) => severityRank(a) - severityRank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
  );
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return [...sorted.map(formatDiagnostic), `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`].join('\n');
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

function severityRank(diagnostic: Diagnostic): number {
  return diagnostic.severity === 'error' ? 0 : 1;
}
