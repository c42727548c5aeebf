// 标准符合性评估: the assessments the viewer may see.
export function FormalAssessmentsPage() {
  return null;
}
