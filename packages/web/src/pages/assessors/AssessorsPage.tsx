// 评估人员与资质: people, qualifications and their approval (scoped by role).
export function AssessorsPage() {
  return null;
}
