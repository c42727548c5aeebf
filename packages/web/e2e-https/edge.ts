// The platform as an operator runs it (docs/OPERATIONS.md): Debian's nginx over HTTPS, with a
// self-signed certificate made by openssl, in front of two real server processes on one PostgreSQL
// database (a fresh one on the TEST_DATABASE_URL server). nginx includes deploy/nginx/cmmm-tls.conf and
// cmmm-proxy.conf unchanged; only what cmmm.conf says per site (listen, certificate, upstream
// addresses) is written here.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const DEPLOY = join(ROOT, 'deploy/nginx');
const READY = /Platform ready: http:\/\/127\.0\.0\.1:(\d+)\//;
const ONE_TIME_PASSWORD = /one-time password:\s*(\S+)/;
/** Starting a server migrates (the first) or opens the database: generous, for a loaded machine. */
const START_TIMEOUT = 120_000;

export const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));

export interface AppServer {
  name: 'A' | 'B';
  port: number;
  /** Everything it printed: JSON log lines (LOG_LEVEL=info logs every request with its id). */
  log(): string;
  /** SIGKILL: the process dies at once, mid-request if one is under way. */
  kill(): Promise<void>;
}

export interface Edge {
  /** https://127.0.0.1:<nginx port> — also the servers' PUBLIC_URL. */
  url: string;
  adminPassword: string;
  servers: [AppServer, AppServer];
  /** nginx's access log: protocol, status and the upstream that answered each request. */
  accessLog(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}${result.error ?? ''}`);
  return result.stdout;
}

async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 25; ; pause = Math.min(250, pause * 2)) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function startServer(name: 'A' | 'B', env: Record<string, string>, dir: string): Promise<{ server: AppServer; child: ChildProcess; password: string | undefined }> {
  const child = spawn(process.execPath, ['packages/server/bin/cmmm-server.js'], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: join(dir, `data-${name}`), LOG_LEVEL: 'info', REPORT_THREADS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const server: AppServer = {
    name,
    port: 0,
    log: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return until(
    () => {
      if (child.exitCode !== null) throw new Error(`server ${name} exited (${child.exitCode}) while starting:\n${output}`);
      const port = READY.exec(output)?.[1];
      return port ? port : undefined;
    },
    START_TIMEOUT,
    () => `server ${name} did not start:\n${output}`,
  ).then(
    (port) => ({ server: { ...server, port: Number(port) }, child, password: ONE_TIME_PASSWORD.exec(output)?.[1] }),
    (error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    },
  );
}

/** GET over https, trusting exactly the test's certificate: the status, or undefined while nginx is not up. */
function probe(url: string, ca: Buffer): Promise<number | undefined> {
  return new Promise((done) => {
    const req = httpsRequest(url, { ca, agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      done(res.statusCode);
    });
    req.on('error', () => done(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

function nginxConf(dir: string, port: number, upstreams: number[]): string {
  const user = process.getuid?.() === 0 ? 'user root;' : ''; // workers write the temp dirs below
  return `${user}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log info;
events { worker_connections 256; }
http {
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format edge '$remote_addr "$request" $status $server_protocol upstream=$upstream_addr:$upstream_status';
  access_log ${dir}/nginx-access.log edge;

  upstream cmmm_app {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${port} ssl http2;
    server_name 127.0.0.1;
    ssl_certificate ${dir}/tls.crt;
    ssl_certificate_key ${dir}/tls.key;
    include ${DEPLOY}/cmmm-tls.conf;
    include ${DEPLOY}/cmmm-proxy.conf;
  }
}
`;
}

export async function startEdge(databaseServerUrl: string): Promise<Edge> {
  if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx-light); .ci/run installs it');
  const dir = mkdtempSync(join(tmpdir(), 'cmmm-https-'));
  const children: ChildProcess[] = [];
  const database = `cmmm_https_${Date.now().toString(36)}_${process.pid}`;
  const psql = (sql: string) => run('psql', [databaseServerUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql]);
  const cleanUp = async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? once(child, 'exit') : undefined)));
    try {
      psql(`drop database if exists ${database} with (force)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'tls.key'), '-out', join(dir, 'tls.crt')]);
    psql(`create database ${database}`);
    const databaseUrl = new URL(databaseServerUrl);
    databaseUrl.pathname = `/${database}`;
    const port = await freePort();
    const url = `https://127.0.0.1:${port}`;
    const env = { DATABASE_URL: databaseUrl.href, PUBLIC_URL: url, TRUST_PROXY: '127.0.0.1' };
    // One after the other: the first migrates the empty database and creates the admin.
    const a = await startServer('A', env, dir);
    children.push(a.child);
    const b = await startServer('B', env, dir);
    children.push(b.child);
    if (!a.password) throw new Error(`server A printed no one-time password:\n${a.server.log()}`);

    for (const temp of ['client-body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
    const conf = join(dir, 'nginx.conf');
    writeFileSync(conf, nginxConf(dir, port, [a.server.port, b.server.port]));
    run(NGINX, ['-t', '-q', '-p', dir, '-e', join(dir, 'nginx-error.log'), '-c', conf]);
    const nginx = spawn(NGINX, ['-p', dir, '-e', join(dir, 'nginx-error.log'), '-c', conf], { stdio: 'ignore' });
    children.push(nginx);
    const ca = readFileSync(join(dir, 'tls.crt'));
    await until(
      async () => {
        if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}):\n${readFileSync(join(dir, 'nginx-error.log'), 'utf8')}`);
        return (await probe(`${url}/api/health/ready`, ca)) === 200 ? true : undefined;
      },
      30_000,
      () => 'nginx did not answer /api/health/ready',
    );
    return {
      url,
      adminPassword: a.password,
      servers: [a.server, b.server],
      accessLog: () => readFileSync(join(dir, 'nginx-access.log'), 'utf8'),
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
