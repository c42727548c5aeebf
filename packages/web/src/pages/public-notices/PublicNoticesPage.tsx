// 评估结果公示 (seed 002 评估流程: 审查通过 → 公示 → 授予证书), public, no login: the results under public
// notice — the enterprise, the level (or each domain's capability level), the scope, the assessment body,
// the lead and the period — paged; under each, 提出异议 (姓名或单位, 联系方式, 异议内容). The server
// refuses more than 5 an hour from one address (RATE_LIMITED) and after the period (NOTICE_NOT_OPEN).
import { Alert, Button, Descriptions, Form, Input, Pagination, Skeleton, Space, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { requiredText } from '../../form-rules.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import { beijingDateTime, levelLabelKey } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { serverErrorOnForm } from '../assessors/form-errors.ts';
import { typeKey, useDescriptionsLayout, Zh } from '../formal-assessment/parts.tsx';
import { CountedHelp } from '../formal-rating/certification-parts.tsx';
import { isContact } from '../formal-rating/certification-view.ts';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { noticesApi, type PublicNotice } from './notices-api.ts';

const PAGE_SIZE = 10;

interface ObjectionValues {
  name?: string;
  contact?: string;
  text?: string;
}

/** What to add to the server's sentence for the refusals a visitor can meet here. */
function refusalHelp(t: Translate, error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'RATE_LIMITED') return t('cert.objection.rateLimited');
  if (error.code === 'NOTICE_NOT_OPEN') return t('cert.objection.notOpen');
  return undefined;
}

function ObjectionForm({ notice, onFiled, onCancel, onClosed }: { notice: PublicNotice; onFiled: (filedAt: string) => void; onCancel: () => void; onClosed: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ObjectionValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; help?: string }>();
  const onFinish = async (values: ObjectionValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const filed = await noticesApi.fileObjection(notice.assessmentId, { name: (values.name ?? '').trim(), contact: (values.contact ?? '').trim(), text: (values.text ?? '').trim() });
      onFiled(filed.filedAt);
    } catch (failure) {
      const message = serverErrorOnForm(form, failure, lang, t);
      if (message) setError({ message, help: refusalHelp(t, failure) });
      if (failure instanceof ApiError && failure.code === 'NOTICE_NOT_OPEN') onClosed();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<ObjectionValues>
      form={form}
      layout="vertical"
      name={`objection-${notice.assessmentId}`}
      onFinish={(v) => void onFinish(v)}
      scrollToFirstError={{ block: 'center', focus: true }}
      role="group"
      aria-label={t('cert.objection.formOf', { name: notice.enterpriseName })}
      data-testid="objection-form"
      style={{ marginTop: 12 }}
    >
      <Typography.Paragraph type="secondary">{t('cert.objection.formIntro')}</Typography.Paragraph>
      <Form.Item name="name" label={t('cert.objection.name')} rules={[requiredText(t, t('cert.objection.name'))]}>
        <Input autoFocus maxLength={50} autoComplete="name" style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item
        name="contact"
        label={t('cert.objection.contact')}
        extra={t('cert.objection.contactHelp')}
        rules={[
          requiredText(t, t('cert.objection.contact')),
          {
            validator: async (_rule, value: unknown) => {
              if (typeof value === 'string' && value.trim() && !isContact(value)) throw new Error(t('cert.objection.contactInvalid'));
            },
          },
        ]}
      >
        <Input maxLength={254} style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item name="text" label={t('cert.objection.text')} extra={<CountedHelp>{t('cert.objection.textHelp')}</CountedHelp>} rules={[requiredText(t, t('cert.objection.text'))]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount />
      </Form.Item>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="page-note"
          data-testid="objection-error"
          title={<span lang="zh-CN">{error.message}</span>}
          description={error.help}
        />
      )}
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="file-objection">
          {t('cert.objection.submit')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
      </Space>
    </Form>
  );
}

function capabilityText(t: Translate, notice: PublicNotice) {
  if (!notice.capability.length) return '—';
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {notice.capability.map((d) => (
        <li key={d.domainId}>
          <Zh>{d.name}</Zh>
          {t('sd.colon')}
          {d.level <= 0 ? t('rating.result.capabilityNone') : t(levelLabelKey(d.level))}
        </li>
      ))}
    </ul>
  );
}

function NoticeCard({ notice, onClosed }: { notice: PublicNotice; onClosed: () => void }) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  const [open, setOpen] = useState(false);
  const [filedAt, setFiledAt] = useState<string>();
  const titleId = useId();
  const doneId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const predefined = notice.assessmentType === 'predefined';
  return (
    <article aria-labelledby={titleId} className="form-section" data-testid="public-notice" style={{ paddingBottom: 16 }}>
      <Typography.Title level={2} id={titleId} style={{ fontSize: 18 }}>
        <Zh>{notice.enterpriseName}</Zh>
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={layout}
        items={[
          { key: 'type', label: t('fa.col.type'), children: t(typeKey(notice.assessmentType)) },
          predefined
            ? { key: 'level', label: t('rating.result.level'), children: <strong data-testid="notice-level">{levelText(t, notice.level)}</strong> }
            : { key: 'capability', label: t('rating.result.capabilityTitle'), children: capabilityText(t, notice) },
          { key: 'scope', label: t('registry.col.scope'), children: <Zh>{notice.scope}</Zh> },
          { key: 'body', label: t('fa.col.body'), children: <Zh>{notice.bodyName}</Zh> },
          { key: 'lead', label: t('rating.header.lead'), children: notice.leadName ? <Zh>{notice.leadName}</Zh> : '—' },
          { key: 'period', label: t('cert.notices.period'), children: <span data-testid="notice-period">{t('cert.notice.range', { from: notice.startsOn, to: notice.endsOn })}</span> },
        ]}
      />
      {filedAt ? (
        <div id={doneId} tabIndex={-1} className="section-tight" style={{ outline: 'none' }}>
          <Alert
            type="success"
            showIcon
            role="status"
            data-testid="objection-filed"
            title={t('cert.objection.filed', { at: beijingDateTime(filedAt) })}
            description={t('cert.objection.filedNext')}
          />
        </div>
      ) : open ? (
        <div>
          <ObjectionForm
            notice={notice}
            onFiled={(at) => {
              setOpen(false);
              setFiledAt(at);
              window.setTimeout(() => document.getElementById(doneId)?.focus(), 0);
            }}
            onCancel={() => {
              setOpen(false);
              window.setTimeout(() => button.current?.focus(), 0);
            }}
            onClosed={onClosed}
          />
        </div>
      ) : (
        <Button ref={button} className="section-tight" onClick={() => setOpen(true)} aria-label={t('cert.objection.openOf', { name: notice.enterpriseName })} data-testid="open-objection">
          {t('cert.objection.open')}
        </Button>
      )}
    </article>
  );
}

export function PublicNoticesPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useLoad(() => noticesApi.list(page, PAGE_SIZE), [page]);
  const data = list.data;
  return (
    <div className="page page-wide" data-testid="public-notices-page">
      <Typography.Title>{t('cert.noticesTitle')}</Typography.Title>
      <Typography.Paragraph className="intro">{t('cert.notices.intro')}</Typography.Paragraph>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {!data ? (
        list.error === undefined && <Skeleton active />
      ) : data.items.length === 0 ? (
        <Alert type="info" showIcon className="page-note" data-testid="notices-empty" title={t('cert.notices.empty')} />
      ) : (
        <>
          <p className="sr-only" aria-live="polite">
            {t('cert.notices.count', { total: data.total })}
          </p>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('cert.notices.count', { total: data.total })}>
            {data.items.map((n) => (
              <li key={n.assessmentId}>
                <NoticeCard notice={n} onClosed={list.reload} />
              </li>
            ))}
          </ul>
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            hideOnSinglePage
            showSizeChanger={false}
            showTotal={(total) => t('cert.notices.total', { total })}
            onChange={(next) => {
              setPage(next);
              window.scrollTo?.({ top: 0 });
            }}
            style={{ marginTop: 8 }}
          />
        </>
      )}
      <Typography.Paragraph className="section-tight">
        <Link to="/directory">{t('cert.notices.registry')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
