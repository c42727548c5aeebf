// 证书登记: certificates of conformity an enterprise already holds.
export function CertificatesPage() {
  return null;
}
