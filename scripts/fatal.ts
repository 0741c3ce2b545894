/**
 * The last line of defence of the build and check scripts: anything thrown
 * that the content checks did not turn into a diagnostic becomes one line,
 * "internal error in <phase> while reading <file>", and exit code 70, instead
 * of a stack trace that reads like the user's fault. The stack is printed on
 * request (SUMMIT_DIFF_STACK=1 or --stack), for whoever fixes the bug.
 */
import { reading } from '../src/data/load.ts';

/** What the script is doing now; set it as it moves on. */
export const progress = { phase: 'starting' };

/** The exit code of an internal error (EX_SOFTWARE), distinct from 1 (content errors). */
export const internalErrorExit = 70;

/** The one-line message for an unexpected error. */
export function internalErrorMessage(error: unknown, phase: string, file: string | undefined): string {
  const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  return `internal error in ${phase}${file ? ` while reading ${file}` : ''}: ${what}`;
}

/** Install the handler for the whole process. */
export function handleInternalErrors(): void {
  const handle = (error: unknown): void => {
    console.error(internalErrorMessage(error, progress.phase, reading.file));
    const wantStack = process.env.SUMMIT_DIFF_STACK === '1' || process.argv.includes('--stack');
    if (wantStack && error instanceof Error) console.error(error.stack);
    else console.error('This is a bug in Summit Diff, not in the content. Run again with SUMMIT_DIFF_STACK=1 (or --stack) to see where it happened, and report it.');
    process.exit(internalErrorExit);
  };
  process.on('uncaughtException', handle);
  process.on('unhandledRejection', handle);
}
