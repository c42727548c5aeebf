// The only place that reads the environment: one typed, frozen object, or every problem at once.
import { resolve } from 'node:path';

export interface Env {
  readonly port: number;
  readonly host: string;
  /** Embedded database and lock file live here (default ./data). */
  readonly dataDir: string;
  /** Any PostgreSQL server instead of the embedded database. */
  readonly databaseUrl: string | undefined;
  /** Send cookies with Secure (set behind HTTPS). */
  readonly cookieSecure: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Where SMS go: the outbox table (development default) — a gateway plugs in behind SmsSender. */
  readonly smsMode: 'outbox';
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误 (configuration problems):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const problems: string[] = [];
  const portText = source.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT 须为 0–65535 的整数，收到「${portText}」`);
  const host = source.HOST ?? '127.0.0.1';
  if (!host.trim()) problems.push('HOST 不能为空');
  const databaseUrl = source.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL 须以 postgres:// 或 postgresql:// 开头');
  const logLevel = (source.LOG_LEVEL ?? 'info') as Env['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL 须为 ${LOG_LEVELS.join('、')} 之一`);
  const cookieSecure = source.COOKIE_SECURE === 'true' || source.COOKIE_SECURE === '1';
  const smsMode = (source.SMS_MODE ?? 'outbox') as Env['smsMode'];
  if (smsMode !== 'outbox') problems.push('SMS_MODE 目前只支持 outbox');
  if (problems.length) throw new EnvError(problems);
  return Object.freeze({ port, host, dataDir: resolve(source.DATA_DIR ?? 'data'), databaseUrl, cookieSecure, logLevel, smsMode });
}
