// The 智能制造能力成熟度等级证书 (a certificate of conformity, issued or recorded on the platform): what
// its one page shows, already in the certificate's language, from plain data the server gathers. The
// layout is certificate-document.ts. The standard's texts (level and domain names) stay as written.
import { levelName, requireEdition } from '@cmmm/model';
import { formatDate } from './format.ts';
import { LABELS, type ReportLanguage } from './labels.ts';
import type { Field } from './report-view.ts';

export interface CertificateLabels {
  title: string;
  /** The title in the other language, under the title. */
  otherTitle: string;
  statement: string;
  enterpriseName: string;
  creditCode: string;
  level: string;
  capability: string;
  domain: string;
  capabilityLevel: string;
  scope: string;
  standard: string;
  body: string;
  notRecorded: string;
  issuedOn: string;
  validUntil: string;
  certificateNumber: string;
  verify: string;
  verifyNote: string;
  /** A certificate no longer valid is marked across the page and under the title. */
  status: string;
  asOf: string;
  statusNames: Readonly<Record<MarkedStatus, string>>;
}

/** The statuses a certificate's PDF is marked with (a valid one carries no mark). */
export type MarkedStatus = 'suspended' | 'revoked' | 'expired' | 'superseded';
export type CertificatePdfStatus = 'valid' | MarkedStatus;

const zh: CertificateLabels = {
  title: '智能制造能力成熟度等级证书',
  otherTitle: 'Certificate of Intelligent Manufacturing Capability Maturity',
  statement: '兹证明下列企业经标准符合性评估，其智能制造能力成熟度符合下述标准的要求：',
  enterpriseName: '企业名称',
  creditCode: '统一社会信用代码',
  level: '成熟度等级',
  capability: '能力域及能力成熟度等级（自定义评估）',
  domain: '能力域',
  capabilityLevel: '能力成熟度等级',
  scope: '评估范围',
  standard: '评估依据',
  body: '评估机构',
  notRecorded: '未登记',
  issuedOn: '发证日期',
  validUntil: '有效期至',
  certificateNumber: '证书编号',
  verify: '扫码核验证书',
  verifyNote: '本证书的有效性（有效、暂停、撤销、过期或被替代）可在上述地址核验，以平台核验信息为准。',
  status: '证书状态',
  asOf: '截至',
  statusNames: { suspended: '已暂停', revoked: '已撤销', expired: '已过期', superseded: '已被替代' },
};

const en: CertificateLabels = {
  title: 'Certificate of Intelligent Manufacturing Capability Maturity',
  otherTitle: '智能制造能力成熟度等级证书',
  statement: 'This is to certify that, after a conformity assessment, the intelligent manufacturing capability maturity of the enterprise below conforms to the requirements of the standard stated:',
  enterpriseName: 'Enterprise',
  creditCode: 'Unified social credit code',
  level: 'Maturity level',
  capability: 'Capability domains and their capability maturity levels (custom assessment)',
  domain: 'Capability domain',
  capabilityLevel: 'Capability maturity level',
  scope: 'Scope',
  standard: 'Standard',
  body: 'Assessment body',
  notRecorded: 'Not recorded',
  issuedOn: 'Issued on',
  validUntil: 'Valid until',
  certificateNumber: 'Certificate number',
  verify: 'Scan to verify',
  verifyNote: "The certificate's validity (valid, suspended, revoked, expired or superseded) can be checked at the address above; the platform's record prevails.",
  status: 'Status',
  asOf: 'as of',
  statusNames: { suspended: 'SUSPENDED', revoked: 'REVOKED', expired: 'EXPIRED', superseded: 'SUPERSEDED' },
};

export const CERTIFICATE_LABELS: Readonly<Record<ReportLanguage, CertificateLabels>> = { 'zh-CN': zh, en };

/** What the server gathers of one certificate. */
export interface CertificateInput {
  language: ReportLanguage;
  /** The edition of the assessment it was issued for (level names, the standard). */
  editionId: string;
  certificateNumber: string;
  enterprise: { name: string; creditCode: string };
  /** 预定义评估: the level; null for a 自定义评估 (see capability). */
  level: number | null;
  capability: readonly { name: string; level: number }[] | null;
  scope: string;
  /** The assessment body; null for a certificate recorded without one. */
  body: string | null;
  /** YYYY-MM-DD (China Standard Time). */
  issuedOn: string;
  validUntil: string;
  /** `${publicUrl}/verify/<number>`; null: no QR code. */
  verifyUrl: string | null;
  /** The status on `statusOn` (the day it is downloaded); valid when not given. */
  status?: CertificatePdfStatus;
  statusOn?: string;
}

export interface CertificateView {
  kind: 'certificate';
  language: ReportLanguage;
  labels: CertificateLabels;
  certificateNumber: string;
  enterprise: string;
  creditCode: string;
  /** 预定义评估: the level with its name; null for a 自定义评估. */
  levelText: string | null;
  /** 自定义评估: each domain with its capability level. */
  capability: { domain: string; level: string }[];
  /** Scope, standard, body, dates, number (the enterprise and its credit code stand above them). */
  fields: Field[];
  verifyUrl: string | null;
  /** A certificate no longer valid: the word across the page and the line under the title; null when valid. */
  statusMark: { word: string; line: string } | null;
}

export function buildCertificateView(input: CertificateInput): CertificateView {
  const L = CERTIFICATE_LABELS[input.language];
  const S = LABELS[input.language];
  const zhCN = input.language === 'zh-CN';
  const edition = requireEdition(input.editionId);
  const levelText = (level: number): string => {
    const cn = levelName(edition, level);
    return zhCN || !edition.levels.some((l) => l.level === level) ? cn : `Level ${level} – ${S.levelNames[level] ?? cn} (${cn})`;
  };
  const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00+08:00`), input.language);
  const custom = input.level === null;
  return {
    kind: 'certificate',
    language: input.language,
    labels: L,
    certificateNumber: input.certificateNumber,
    enterprise: input.enterprise.name,
    creditCode: input.enterprise.creditCode,
    levelText: custom ? null : levelText(input.level!),
    capability: custom ? (input.capability ?? []).map((d) => ({ domain: d.name, level: levelText(d.level) })) : [],
    fields: [
      { label: L.scope, value: input.scope },
      { label: L.standard, value: `${edition.standard} ${edition.title}` },
      { label: L.body, value: input.body ?? L.notRecorded },
      { label: L.issuedOn, value: day(input.issuedOn) },
      { label: L.validUntil, value: day(input.validUntil) },
      { label: L.certificateNumber, value: input.certificateNumber },
    ],
    verifyUrl: input.verifyUrl,
    statusMark:
      input.status && input.status !== 'valid'
        ? { word: L.statusNames[input.status], line: `${L.status}${zhCN ? '：' : ': '}${L.statusNames[input.status]}${input.statusOn ? (zhCN ? `（${L.asOf} ${day(input.statusOn)}）` : ` (${L.asOf} ${day(input.statusOn)})`) : ''}` }
        : null,
  };
}
