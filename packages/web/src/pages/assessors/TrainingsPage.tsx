// 标准培训: courses, participants and the certificates they earn.
export function TrainingsPage() {
  return null;
}
