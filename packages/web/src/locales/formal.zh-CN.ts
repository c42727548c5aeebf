// 界面文字（简体中文）: formal. formal.en.ts 必须有同样的键。
export const formalZhCN = {
} as const;
