// 界面文字（简体中文）: assessors. assessors.en.ts 必须有同样的键。
export const assessorsZhCN = {
} as const;
