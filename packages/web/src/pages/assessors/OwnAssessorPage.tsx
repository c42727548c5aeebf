// 我的资质: an assessor's own record, qualifications and public listing.
export function OwnAssessorPage() {
  return null;
}
