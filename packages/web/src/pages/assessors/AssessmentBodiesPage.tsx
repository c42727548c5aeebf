// 评估机构: register and edit assessment bodies.
export function AssessmentBodiesPage() {
  return null;
}
