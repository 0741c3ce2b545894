/**
 * Serve a built site with Debian's nginx and the server block the build wrote
 * (dist/nginx.conf), under its base path, on a free loopback port: what users
 * deploy, for the nginx check and the browser smoke tests.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { freePort, type SiteServer } from './site-server.ts';

const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** Resolve once the port accepts connections: polled every 50 ms, for up to `tries` attempts. */
async function listening(port: number, stopped: () => number | null, tries = 200): Promise<void> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const ok = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        done(true);
      });
      socket.on('error', () => done(false));
    });
    if (ok) return;
    const code = stopped();
    if (code !== null) throw new Error(`nginx stopped (exit ${code}).`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`nginx does not listen on port ${port}.`);
}

/**
 * Serve `site` (a build for `base`) with nginx. The site is linked into a
 * document root of its own at the base path, as a host serves a project page.
 * nginx's workers read as an unprivileged user, so every folder above `site`
 * must be readable by others. Rejects with the reason (and nginx's error log)
 * when nginx cannot start.
 */
export async function serveWithNginx(site: string, base: string): Promise<SiteServer> {
  const work = mkdtempSync(join(tmpdir(), 'summit-nginx-'));
  // nginx started by root reads as an unprivileged user: the temporary folder must be readable.
  chmodSync(work, 0o755);
  const root = join(work, 'root');
  const parts = base.split('/').filter(Boolean);
  if (parts.length === 0) symlinkSync(resolve(site), root);
  else {
    const mount = join(root, ...parts);
    mkdirSync(dirname(mount), { recursive: true });
    symlinkSync(resolve(site), mount);
  }
  const cleanUp = () => rmSync(work, { recursive: true, force: true });
  const written = readFileSync(join(site, 'nginx.conf'), 'utf8');
  if (!written.includes(`location ${base} {`)) {
    cleanUp();
    throw new Error(`${join(site, 'nginx.conf')} is not for the base path ${base}: build with BASE_PATH=${base}.`);
  }
  // The server block the build wrote, with this machine's root and a free port.
  const port = await freePort();
  const block = written.replace(/^ {4}listen .*;$/m, `    listen 127.0.0.1:${port};`).replace(/^ {4}root .*;$/m, `    root ${root};`);
  writeFileSync(join(work, 'server.conf'), block);
  writeFileSync(
    join(work, 'nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${join(work, 'nginx.pid')};`,
      `error_log ${join(work, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      `  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;`,
      `  include ${join(work, 'server.conf')};`,
      '}',
      ''
    ].join('\n')
  );
  const server = spawn(nginx, ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const close = () => {
    server.kill('SIGTERM');
    cleanUp();
  };
  // nginx never outlives the process that started it, however it ends.
  process.once('exit', () => server.kill('SIGTERM'));
  try {
    await listening(port, () => server.exitCode);
  } catch (error) {
    const log = readFileSync(join(work, 'error.log'), { encoding: 'utf8', flag: 'a+' }).slice(-2000);
    close();
    throw new Error(`${String(error)}\n${log}`);
  }
  return { port, url: `http://127.0.0.1:${port}`, close };
}
