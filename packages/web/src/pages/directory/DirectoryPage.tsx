// 信息查询: assessors, lead assessors, high-maturity lead assessors, trainers and bodies (public).
export function DirectoryPage() {
  return null;
}
