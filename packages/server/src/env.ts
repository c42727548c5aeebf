// The only place that reads the environment: one typed, frozen object, or every problem at once.
import { join, resolve } from 'node:path';
import { ALIYUN_SMS_ENDPOINT, type AliyunSmsSettings } from './sms/aliyun-sms.ts';

export interface Env {
  readonly port: number;
  readonly host: string;
  /** Embedded database and lock file live here (default ./data). */
  readonly dataDir: string;
  /** Evidence files of formal assessments (default <DATA_DIR>/evidence; shared storage when several servers run). */
  readonly evidenceDir: string;
  /** The largest evidence file accepted, in bytes (default 20 MB). */
  readonly evidenceMaxBytes: number;
  /** Days a 公示 runs (PUBLIC_NOTICE_DAYS, default 7) and years a certificate is valid (CERTIFICATE_VALID_YEARS, default 3). */
  readonly noticeDays: number;
  readonly certificateYears: number;
  /** Any PostgreSQL server instead of the embedded database. */
  readonly databaseUrl: string | undefined;
  /** A streaming replica of that server for dashboards, index reports and public statistics (DATABASE_READ_URL). */
  readonly databaseReadUrl: string | undefined;
  /** Where users reach the platform: links and QR codes in reports, cookies Secure when https. */
  readonly publicUrl: string;
  /** Send cookies with Secure (default: whether PUBLIC_URL is https). */
  readonly cookieSecure: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Where SMS go: the outbox table (development default) or Aliyun SMS (SMS_MODE=aliyun). */
  readonly smsMode: 'outbox' | 'aliyun';
  /** SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME, SMS_TEMPLATE_*, SMS_ENDPOINT: set when SMS_MODE=aliyun. */
  readonly aliyunSms: AliyunSmsSettings | undefined;
  /** Worker threads rendering report PDFs (default: the machine's cores). */
  readonly reportThreads: number | undefined;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs, e.g. 127.0.0.1 or 10.0.0.0/8); none by default. */
  readonly trustProxy: string | undefined;
  /** NODE_ENV=test silences the logs of a server started by the tests. */
  readonly quiet: boolean;
  /** CLOCK_START (demonstrations and tests only): the platform's clock starts at this instant and runs on
   *  from there, so a 公示 period's end or a certificate's expiry can be reached without waiting. */
  readonly clockStart: Date | undefined;
  /** WEB_DIST: the built browser app to serve (default packages/web/dist), e.g. one built elsewhere. */
  readonly webDist: string | undefined;
  /** MAP_DIR: the operator's approved region maps, one GeoJSON file per region (000000.json the nation,
   *  320000.json a province's cities…); none by default: the platform ships no map of China. */
  readonly mapDir: string | undefined;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误 (configuration problems):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
const flag = (value: string | undefined): boolean | undefined => (value === undefined || value === '' ? undefined : value === 'true' || value === '1');

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const problems: string[] = [];
  const portText = source.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT 须为 0–65535 的整数，收到「${portText}」`);
  const host = source.HOST ?? '127.0.0.1';
  if (!host.trim()) problems.push('HOST 不能为空');
  const databaseUrl = source.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL 须以 postgres:// 或 postgresql:// 开头');
  const databaseReadUrl = source.DATABASE_READ_URL?.trim() || undefined;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) problems.push('DATABASE_READ_URL 须以 postgres:// 或 postgresql:// 开头');
  if (databaseReadUrl && !databaseUrl) problems.push('DATABASE_READ_URL 是 DATABASE_URL 所指 PostgreSQL 服务器的只读副本，须与 DATABASE_URL 一同设置');
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const publicUrl = (source.PUBLIC_URL?.trim() || `http://${shownHost}:${port}`).replace(/\/+$/, '');
  if (source.PUBLIC_URL?.trim() && !/^https?:\/\/[^/?#\s]+$/.test(publicUrl)) problems.push(`PUBLIC_URL 须为 http:// 或 https:// 开头的站点地址（不含路径），收到「${publicUrl}」`);
  const logLevel = (source.LOG_LEVEL ?? 'info') as Env['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL 须为 ${LOG_LEVELS.join('、')} 之一`);
  const cookieSecure = flag(source.COOKIE_SECURE) ?? publicUrl.startsWith('https:');
  const smsMode = (source.SMS_MODE?.trim() || 'outbox') as Env['smsMode'];
  if (smsMode !== 'outbox' && smsMode !== 'aliyun') problems.push(`SMS_MODE 须为 outbox（开发发件箱）或 aliyun（阿里云短信），收到「${smsMode}」`);
  const aliyunSms = smsMode === 'aliyun' ? aliyunSmsFrom(source, problems) : undefined;
  const threadsText = source.REPORT_THREADS?.trim();
  const reportThreads = threadsText ? Number(threadsText) : undefined;
  if (threadsText && (!/^\d+$/.test(threadsText) || reportThreads! < 1 || reportThreads! > 64)) problems.push(`REPORT_THREADS 须为 1–64 的整数，收到「${threadsText}」`);
  const trustProxy = source.TRUST_PROXY?.trim() || undefined;
  if (trustProxy && !trustProxy.split(',').every((p) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(p.trim()))) {
    problems.push(`TRUST_PROXY 须为逗号分隔的代理地址或网段（如 127.0.0.1,10.0.0.0/8），收到「${trustProxy}」`);
  }
  const maxText = source.EVIDENCE_MAX_MB?.trim();
  const evidenceMaxMb = maxText ? Number(maxText) : 20;
  if (maxText && (!/^\d+$/.test(maxText) || evidenceMaxMb < 1 || evidenceMaxMb > 1024)) problems.push(`EVIDENCE_MAX_MB 须为 1–1024 的整数（兆字节），收到「${maxText}」`);
  const whole = (name: string, fallback: number, max: number): number => {
    const text = source[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > max) problems.push(`${name} 须为 1–${max} 的整数，收到「${text}」`);
    return value;
  };
  const noticeDays = whole('PUBLIC_NOTICE_DAYS', 7, 90);
  const certificateYears = whole('CERTIFICATE_VALID_YEARS', 3, 10);
  const clockText = source.CLOCK_START?.trim();
  const clockStart = clockText ? new Date(clockText) : undefined;
  if (clockText && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(clockText) || Number.isNaN(clockStart!.getTime()))) {
    problems.push(`CLOCK_START 须为带时区的时刻（如 2027-01-05T09:00:00+08:00），收到「${clockText}」`);
  }
  if (problems.length) throw new EnvError(problems);
  const dataDir = resolve(source.DATA_DIR ?? 'data');
  return Object.freeze({
    port,
    host,
    dataDir,
    evidenceDir: resolve(source.EVIDENCE_DIR?.trim() || join(dataDir, 'evidence')),
    evidenceMaxBytes: evidenceMaxMb * 1024 * 1024,
    noticeDays,
    certificateYears,
    databaseUrl,
    databaseReadUrl,
    publicUrl,
    cookieSecure,
    logLevel,
    smsMode,
    aliyunSms,
    reportThreads,
    trustProxy,
    quiet: source.NODE_ENV === 'test',
    clockStart,
    // A directory path ends in '/' for the static root and its index.html lookup.
    webDist: source.WEB_DIST?.trim() ? `${resolve(source.WEB_DIST.trim())}/` : undefined,
    mapDir: source.MAP_DIR?.trim() ? resolve(source.MAP_DIR.trim()) : undefined,
  });
}

/** The provider's settings: every one is required, so a half-configured server does not start. */
function aliyunSmsFrom(source: Record<string, string | undefined>, problems: string[]): AliyunSmsSettings {
  const required = (name: string): string => {
    const value = source[name]?.trim();
    if (!value) problems.push(`SMS_MODE=aliyun 时须设置 ${name}`);
    return value ?? '';
  };
  const endpoint = source.SMS_ENDPOINT?.trim() || ALIYUN_SMS_ENDPOINT;
  if (!/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d+)?$/.test(endpoint)) problems.push(`SMS_ENDPOINT 须为主机名或 http(s)://主机:端口，收到「${endpoint}」`);
  return {
    accessKeyId: required('SMS_ACCESS_KEY_ID'),
    accessKeySecret: required('SMS_ACCESS_KEY_SECRET'),
    signName: required('SMS_SIGN_NAME'),
    templates: { passwordReset: required('SMS_TEMPLATE_PASSWORD_RESET'), certificateExpiry: required('SMS_TEMPLATE_CERTIFICATE_EXPIRY'), certificateStatus: required('SMS_TEMPLATE_CERTIFICATE_STATUS') },
    endpoint,
  };
}
