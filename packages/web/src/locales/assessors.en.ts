// UI strings in English: assessors. Same keys as assessors.zh-CN.ts.
import type { assessorsZhCN } from './assessors.zh-CN.ts';

export const assessorsEn: Record<keyof typeof assessorsZhCN, string> = {
};
