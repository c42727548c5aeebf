// 企业自诊断 (seed 001 §1.2, §1.5, §1.6): the enterprise's self-diagnoses, 新建 / 继续 / 查看结果.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, type SelfDiagnosisList, type SelfDiagnosisSummary } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { beijingDateTime, levelKey, levelLabelKey, score2 } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { QuotaRule } from './QuotaRule.tsx';
import { ReportLink } from './ResultReport.tsx';

/** 二级（规范级） / Level 2 (Standardised); 未达到一级 for 0. */
export function levelText(t: Translate, level: number | null | undefined): string {
  if (level === null || level === undefined) return '—';
  if (level <= 0) return t('sd.levelNone');
  return t('sd.levelFull', { label: t(levelLabelKey(level)), name: t(levelKey(level)) });
}

/** Why 新建自诊断 is not possible now, or undefined. */
export function newBlockedReason(t: Translate, list: SelfDiagnosisList): string | undefined {
  if (list.inProgressId) return t('sd.blockedInProgress');
  if (list.quota.remaining <= 0) return t('sd.blockedQuota');
  return undefined;
}

export function NewDiagnosisButton({ list }: { list: SelfDiagnosisList }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const reason = newBlockedReason(t, list);
  const button = (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!!reason} onClick={() => navigate('/self-diagnoses/new')} aria-describedby={reason ? 'new-blocked-reason' : undefined}>
      {t('sd.new')}
    </Button>
  );
  return (
    <Space wrap>
      {reason ? <Tooltip title={reason}><span>{button}</span></Tooltip> : button}
      {list.inProgressId && (
        <Button onClick={() => navigate(`/self-diagnoses/${list.inProgressId}`)} type={reason ? 'primary' : 'default'} ghost={false}>
          {t('sd.continue')}
        </Button>
      )}
      {reason && (
        <Typography.Text type="secondary" id="new-blocked-reason" data-testid="new-blocked-reason">
          {reason}
        </Typography.Text>
      )}
    </Space>
  );
}

function StatusTags({ d }: { d: SelfDiagnosisSummary }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={d.status === 'completed' ? 'success' : 'processing'}>{d.status === 'completed' ? t('sd.statusCompleted') : t('sd.statusInProgress')}</Tag>
      {d.isValidResult && <Tag color="gold">{t('sd.validResult')}</Tag>}
    </Space>
  );
}

function LevelCell({ d }: { d: SelfDiagnosisSummary }) {
  const { t } = useI18n();
  return <>{d.status === 'completed' ? levelText(t, d.level) : t('sd.answeringLevel', { level: t(levelLabelKey(d.currentLevel)) })}</>;
}

function Actions({ d }: { d: SelfDiagnosisSummary }) {
  const { t } = useI18n();
  return d.status === 'completed' ? (
    <Space size="middle" wrap>
      <Link to={`/self-diagnoses/${d.id}/result`}>{t('sd.viewResult')}</Link>
      <ReportLink id={d.id} />
    </Space>
  ) : (
    <Link to={`/self-diagnoses/${d.id}`}>{t('sd.continue')}</Link>
  );
}

/** On a phone: one card per diagnosis, so that 状态 and 操作 are on screen, not off to the side of a table. */
function DiagnosisCards({ list }: { list: SelfDiagnosisList }) {
  const { t } = useI18n();
  if (!list.diagnoses.length) return <Typography.Paragraph type="secondary">{t('sd.listEmpty')}</Typography.Paragraph>;
  return (
    <ul className="diagnosis-cards" data-testid="diagnoses-cards">
      {list.diagnoses.map((d) => (
        <li key={d.id}>
          <Card size="small" title={<h2 className="card-heading">{beijingDateTime(d.createdAt)}</h2>} extra={<StatusTags d={d} />} data-testid="diagnosis-card">
            <dl className="diagnosis-card-fields">
              <dt>{t('sd.colLevel')}</dt>
              <dd>
                <LevelCell d={d} />
              </dd>
              <dt>{t('sd.colScore')}</dt>
              <dd>{d.status === 'completed' ? score2(d.totalScore) : '—'}</dd>
            </dl>
            <Actions d={d} />
          </Card>
        </li>
      ))}
    </ul>
  );
}

function DiagnosesTable({ list }: { list: SelfDiagnosisList }) {
  const { t } = useI18n();
  return (
    <Table<SelfDiagnosisSummary>
      rowKey="id"
      dataSource={list.diagnoses}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('sd.listEmpty') }}
      data-testid="diagnoses-table"
      columns={[
        { key: 'createdAt', title: t('sd.colDate'), render: (_, d) => beijingDateTime(d.createdAt) },
        {
          key: 'status',
          title: t('sd.colStatus'),
          render: (_, d) => <StatusTags d={d} />,
        },
        {
          key: 'level',
          title: t('sd.colLevel'),
          render: (_, d) => <LevelCell d={d} />,
        },
        { key: 'score', title: t('sd.colScore'), render: (_, d) => (d.status === 'completed' ? score2(d.totalScore) : '—') },
        {
          key: 'actions',
          title: t('sd.colActions'),
          render: (_, d) => <Actions d={d} />,
        },
      ]}
    />
  );
}

function SelfDiagnoses() {
  const { t } = useI18n();
  const list = useLoad(api.selfDiagnoses, []);
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <div className="page page-wide">
      <Typography.Title>{t('sd.title')}</Typography.Title>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <QuotaRule quota={list.data.quota} />
          <div className="toolbar section-tight">
            <NewDiagnosisButton list={list.data} />
          </div>
          {narrow ? <DiagnosisCards list={list.data} /> : <DiagnosesTable list={list.data} />}
        </>
      )}
      {list.loading && !list.data && <Table loading columns={[]} />}
    </div>
  );
}

export function SelfDiagnosesPage() {
  return <RequireAccount roles={['enterprise_user']}>{() => <SelfDiagnoses />}</RequireAccount>;
}
