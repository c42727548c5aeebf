// Reads a JSON document from a file or from standard input ("-").
import { readFileSync } from 'node:fs';
import { CliError, EXIT } from './cli-error.ts';

export function readJson(source: string): unknown {
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : '无法读取';
    throw new CliError(EXIT.unreadable, [{ code: 'FILE_UNREADABLE', path: source, message: `${reason}：${source}` }]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const where = source === '-' ? '标准输入' : source;
    throw new CliError(EXIT.unreadable, [
      { code: 'MALFORMED_JSON', path: where, message: `不是有效的 JSON（${(err as Error).message}）` },
    ]);
  }
}
