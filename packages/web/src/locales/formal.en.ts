// UI strings in English: formal. Same keys as formal.zh-CN.ts.
import type { formalZhCN } from './formal.zh-CN.ts';

export const formalEn: Record<keyof typeof formalZhCN, string> = {
};
