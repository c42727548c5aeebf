// 标准符合性评估: the assessments the viewer may see (the server scopes the list by role), by stage,
// paged; an enterprise applies from here (one open application at a time).
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AccountView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { formalApi, type FormalAssessmentSummary, type FormalStage } from './formal-api.ts';
import { isOpenStage, OPEN_STAGES } from './formal-view.ts';
import { appliedLevelText, StageTag, stageKey, typeKey, Zh } from './parts.tsx';

const PAGE_SIZE = 20;
const NOWRAP = { onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }), onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
const STAGES: readonly FormalStage[] = [...OPEN_STAGES, 'certified', 'closed', 'declined', 'withdrawn'];

/** 申请评估, or why not now: the enterprise's open application. */
function ApplyButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const own = useLoad(() => formalApi.list({ pageSize: 100 }), []);
  const open = own.data?.items.find((a) => isOpenStage(a.stage));
  const reason = open ? t('fa.list.applyBlocked') : undefined;
  const button = (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!own.data || !!open} onClick={() => navigate('/formal-assessments/apply')} aria-describedby={reason ? 'apply-blocked-reason' : undefined}>
      {t('fa.list.apply')}
    </Button>
  );
  return (
    <Space wrap>
      {reason ? <Tooltip title={reason}><span>{button}</span></Tooltip> : button}
      {open && (
        <Typography.Text type="secondary" id="apply-blocked-reason" data-testid="apply-blocked-reason">
          {reason} <Link to={`/formal-assessments/${open.id}`}>{t('fa.list.openApplication')}</Link>
        </Typography.Text>
      )}
    </Space>
  );
}

function FormalAssessments({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const [stage, setStage] = useState<FormalStage | undefined>(undefined);
  const [page, setPage] = useState(1);
  const list = useLoad(() => formalApi.list({ stage, page, pageSize: PAGE_SIZE }), [stage, page]);
  const isEnterprise = account.role === 'enterprise_user';

  return (
    <div className="page page-wide">
      <Typography.Title>{t('fa.list.title')}</Typography.Title>
      <Typography.Paragraph>{t(isEnterprise ? 'fa.list.introEnterprise' : 'fa.list.intro')}</Typography.Paragraph>
      {isEnterprise && <Alert type="info" showIcon title={t('fa.list.conditions')} className="page-note" />}
      <div className="toolbar">
        {isEnterprise && <ApplyButton />}
        <Space wrap style={{ marginLeft: isEnterprise ? 'auto' : undefined }}>
          <label htmlFor="stage-filter">{t('fa.list.stageFilter')}</label>
          <Select<FormalStage>
            id="stage-filter"
            className="toolbar-select"
            style={{ minWidth: 240 }}
            allowClear
            placeholder={t('fa.list.allStages')}
            value={stage}
            onChange={(value) => {
              setStage(value);
              setPage(1);
            }}
            options={STAGES.map((s) => ({ value: s, label: t(stageKey(s)) }))}
          />
        </Space>
      </div>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<FormalAssessmentSummary>
        rowKey="id"
        data-testid="formal-assessments-table"
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 960 }}
        locale={{ emptyText: t(isEnterprise ? 'fa.list.emptyEnterprise' : 'fa.list.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
          showTotal: (total) => t('fa.list.total', { total }),
        }}
        columns={[
          // 企业 and 评估机构 wrap; the short columns keep to one line (the table scrolls sideways on a phone).
          {
            key: 'enterprise',
            title: t('fa.col.enterprise'),
            render: (_, a) => (
              <Link to={`/formal-assessments/${a.id}`} lang="zh-CN">
                {a.enterpriseName}
              </Link>
            ),
          },
          { key: 'type', title: t('fa.col.type'), ...NOWRAP, render: (_, a) => t(typeKey(a.assessmentType)) },
          { key: 'level', title: t('fa.col.level'), ...NOWRAP, render: (_, a) => appliedLevelText(t, a.assessmentType, a.targetLevel) },
          { key: 'stage', title: t('fa.col.stage'), render: (_, a) => <StageTag stage={a.stage} /> },
          { key: 'body', title: t('fa.col.body'), render: (_, a) => <Zh>{a.bodyName}</Zh> },
          { key: 'lead', title: t('fa.col.lead'), ...NOWRAP, render: (_, a) => (a.leadName ? <Zh>{a.leadName}</Zh> : <Typography.Text type="secondary">{t('fa.leadUnassigned')}</Typography.Text>) },
          { key: 'submittedAt', title: t('fa.col.submittedAt'), ...NOWRAP, render: (_, a) => beijingDateTime(a.submittedAt) },
        ]}
      />
    </div>
  );
}

export function FormalAssessmentsPage() {
  return <RequireAccount>{(account) => <FormalAssessments account={account} />}</RequireAccount>;
}
