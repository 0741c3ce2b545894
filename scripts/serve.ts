/**
 * Serve the built site (dist/) on localhost: static files, directory
 * indexes, the 404 page with status 404, gzip for text, caching and security
 * headers (see site-handler.ts for the rules).
 * Usage: node scripts/serve.ts [--port 4321] [--dir dist]
 */
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { siteHandler } from './site-handler.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '4321' }, dir: { type: 'string', default: 'dist' } } });
const root = resolve(values.dir ?? 'dist');
const port = Number(values.port);

const server = createServer(siteHandler(root));
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') console.error(`Port ${port} is already in use (another server, or an earlier npm start?). Stop it, or serve on another port: npm run serve -- --port ${port + 1}`);
  else if (error.code === 'EACCES') console.error(`Port ${port} may not be opened by this user. Serve on a port above 1023: npm run serve -- --port 4321`);
  else console.error(`The server could not start: ${error.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Summit Diff is served at http://localhost:${port}/ (from ${values.dir}); stop with Ctrl+C.`);
});
