// A follow-up list of a campaign's region (从未完成自诊断的已注册企业 / 有效结果已超过一年的企业): paged by the
// server's cursor (上一页 / 下一页), exported as CSV or Excel by walking the pages (at most EXPORT_LIMIT rows).
import { App, Button, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, type FollowUpKind, type FollowUpPage } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../errors.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { CSV_TYPE, csvOf, download, XLSX_TYPE } from '../dashboard/csv.ts';
import { xlsxOf } from '../dashboard/xlsx.ts';

const PAGE_SIZE = 20;
const EXPORT_PAGE_SIZE = 200;
/** As many as the server counts exactly. */
export const EXPORT_LIMIT = 10_000;

type Row = FollowUpPage['enterprises'][number];

const day = (at: string | null, lang: string) => (at ? new Date(at).toLocaleDateString(lang) : '');

/** The columns of the list and of its export, in one place. */
function fieldsOf(kind: FollowUpKind, t: Translate, lang: string): { title: string; text: (r: Row) => string }[] {
  return [
    { title: t('cp.followUp.name'), text: (r) => r.name },
    { title: t('cp.followUp.creditCode'), text: (r) => r.creditCode },
    { title: t('cp.followUp.region'), text: (r) => r.regionPath },
    { title: t('cp.followUp.industry'), text: (r) => r.industryName },
    { title: t('cp.followUp.contact'), text: (r) => r.contactName },
    { title: t('cp.followUp.mobile'), text: (r) => r.contactMobile },
    kind === 'never' ? { title: t('cp.followUp.registered'), text: (r) => day(r.registeredAt, lang) } : { title: t('cp.followUp.lastCompleted'), text: (r) => day(r.lastCompletedAt, lang) },
  ];
}

export function FollowUpSection({ campaignId, kind, fileName }: { campaignId: string; kind: FollowUpKind; fileName: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [exporting, setExporting] = useState(false);
  const after = cursors[cursors.length - 1];
  const page = useLoad(() => api.campaignFollowUp(campaignId, kind, { after, pageSize: PAGE_SIZE }), [campaignId, kind, after]);
  const fields = fieldsOf(kind, t, lang);
  const columns: ColumnsType<Row> = fields.map((f, i) => ({ title: f.title, key: String(i), render: (_: unknown, r: Row) => (i <= 4 ? <span lang="zh-CN">{f.text(r)}</span> : f.text(r)) }));
  const next = page.data?.next ?? null;
  const title = t(`cp.followUp.${kind}`);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      const rows: Row[] = [];
      let cursor: string | undefined;
      do {
        const got = await api.campaignFollowUp(campaignId, kind, { after: cursor, pageSize: EXPORT_PAGE_SIZE });
        rows.push(...got.enterprises);
        cursor = got.next ?? undefined;
      } while (cursor && rows.length < EXPORT_LIMIT);
      const header = fields.map((f) => f.title);
      const cells = rows.slice(0, EXPORT_LIMIT).map((r) => fields.map((f) => f.text(r)));
      if (format === 'csv') download(`${fileName}.csv`, csvOf(header, cells), CSV_TYPE);
      else download(`${fileName}.xlsx`, xlsxOf(title, header, cells, header.map(() => false)), XLSX_TYPE);
    } catch (error) {
      void message.error(errorMessage(error, lang, t));
    } finally {
      setExporting(false);
    }
  };

  return (
    <section aria-labelledby={`cp-${kind}-title`} data-testid={`cp-${kind}`}>
      <Typography.Title level={3} id={`cp-${kind}-title`}>
        {title}
      </Typography.Title>
      {page.data && (
        <Typography.Paragraph data-testid={`cp-${kind}-total`}>
          {t('cp.followUp.total', { total: `${page.data.total.toLocaleString(lang)}${page.data.totalCapped ? '+' : ''}` })}
        </Typography.Paragraph>
      )}
      {page.error !== undefined && <LoadError error={page.error} onRetry={page.reload} />}
      <Table<Row> rowKey="id" columns={columns} dataSource={page.data?.enterprises} loading={page.loading} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('cp.followUp.none') }} />
      <Space wrap style={{ marginTop: 12 }}>
        {(cursors.length > 1 || next) && (
          <>
            <Button disabled={cursors.length <= 1 || page.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('cp.followUp.previous')}
            </Button>
            <Typography.Text type="secondary">{t('cp.followUp.page', { page: cursors.length })}</Typography.Text>
            <Button disabled={!next || page.loading} onClick={() => next && setCursors((c) => [...c, next])}>
              {t('cp.followUp.next')}
            </Button>
          </>
        )}
        <Button loading={exporting} disabled={!page.data?.total} onClick={() => void exportAs('csv')} data-testid={`cp-${kind}-csv`}>
          {t('cp.followUp.exportCsv')}
        </Button>
        <Button loading={exporting} disabled={!page.data?.total} onClick={() => void exportAs('xlsx')} data-testid={`cp-${kind}-xlsx`}>
          {t('cp.followUp.exportXlsx')}
        </Button>
      </Space>
      {page.data?.totalCapped && <Typography.Paragraph type="secondary">{t('cp.followUp.exportLimit', { n: EXPORT_LIMIT.toLocaleString(lang) })}</Typography.Paragraph>}
    </section>
  );
}
