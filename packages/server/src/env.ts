// The only place that reads the environment: one typed, frozen object, or every problem at once.
export interface Env {
  readonly port: number;
  readonly host: string;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误 (configuration problems):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const problems: string[] = [];
  const portText = source.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT 须为 0–65535 的整数，收到「${portText}」`);
  const host = source.HOST ?? '127.0.0.1';
  if (!host.trim()) problems.push('HOST 不能为空');
  if (problems.length) throw new EnvError(problems);
  return Object.freeze({ port, host });
}
