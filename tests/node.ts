/**
 * The Node that tests spawn scripts with: the project's own (the `node` dev dependency,
 * Node 24), not `process.execPath`, which is whatever Node started the test runner (the
 * system's, when vitest is started outside npm).
 */
import { fileURLToPath } from 'node:url';

export const projectNode = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
