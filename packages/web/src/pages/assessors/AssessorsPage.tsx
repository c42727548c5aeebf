// 评估人员与资质 (seed 002: 晋级程序): the platform admin sees everyone and registers each qualification;
// an agency admin its body's people; an enterprise its internal assessors (内部评估师), needed for 三级
// and above. The server scopes the list by role.
import { Alert, Button, Checkbox, Divider, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AccountView, Role } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { OneTimePasswordModal } from '../admin/OneTimePasswordModal.tsx';
import { chinaToday, gradeKey, GRADES, gradePathOf, hasPending, shownGrades } from './assessor-rules.ts';
import { assessorsApi, type Assessor, type QualificationGrade } from './assessors-api.ts';
import { AssessorDrawer } from './AssessorDrawer.tsx';
import { BodyPicker } from './pickers.tsx';
import { QualificationStateTag } from './QualificationHistory.tsx';
import { RegisterAssessorModal, type RegisterMode } from './RegisterAssessorModal.tsx';
import { usePaging } from './paging.ts';
import { RolePage } from './RolePage.tsx';
import { Named } from './Named.tsx';

/** The pages of this area the account may use: the platform admin all four; an agency admin its people,
 *  its body and (to read) the courses. */
export function AreaLinks({ current, role }: { current: string; role: Role }) {
  const { t } = useI18n();
  const links =
    role === 'platform_admin'
      ? [
          { to: '/assessors', label: t('as.assessorsTitle') },
          { to: '/assessment-bodies', label: t('as.bodiesTitle') },
          { to: '/trainings', label: t('as.trainingsTitle') },
          { to: '/certificates', label: t('as.certificatesTitle') },
        ]
      : [
          { to: '/assessors', label: t('as.assessorsTitle') },
          { to: '/assessment-bodies', label: t('as.ownBodyLink') },
          { to: '/trainings', label: t('as.trainingsTitle') },
        ];
  return (
    <nav aria-label={t('as.areaNav')} className="page-note">
      <Space separator={<Divider orientation="vertical" />} wrap>
        {links.map((link) =>
          link.to === current ? (
            <Typography.Text key={link.to} strong aria-current="page">
              {link.label}
            </Typography.Text>
          ) : (
            <Link key={link.to} to={link.to}>
              {link.label}
            </Link>
          ),
        )}
      </Space>
    </nav>
  );
}

function Assessors({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const platform = account.role === 'platform_admin';
  const enterprise = account.role === 'enterprise_user';
  const mode: RegisterMode = platform ? 'platform' : enterprise ? 'enterprise' : 'body';
  const [q, setQ] = useState('');
  const [grade, setGrade] = useState<QualificationGrade>();
  const [bodyId, setBodyId] = useState<string>();
  const [pending, setPending] = useState(false);
  const paging = usePaging();
  const { page, pageSize } = paging;
  const list = useLoad(() => assessorsApi.assessors({ q: q || undefined, grade, bodyId, pending, page, pageSize }), [q, grade, bodyId, pending, page, pageSize]);
  const [registering, setRegistering] = useState(false);
  const [issued, setIssued] = useState<{ name: string; password: string }>();
  const [open, setOpen] = useState<string>();
  // After registering: the record opens once the one-time password was seen.
  const [openAfterPassword, setOpenAfterPassword] = useState<string>();
  const today = chinaToday(new Date());

  const filtered = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    paging.restart();
  };

  const nameColumn = {
    title: t('as.name'),
    key: 'name',
    render: (_: unknown, a: Assessor) => (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(a.id)} aria-label={t('as.openDetail', { name: a.name })}>
        <span lang="zh-CN">{a.name}</span>
      </Button>
    ),
  };
  const columns: ColumnsType<Assessor> = enterprise
    ? [
        nameColumn,
        { title: t('as.mobile'), dataIndex: 'mobile', key: 'mobile' },
        {
          title: t('as.introCertificate'),
          key: 'intro',
          render: (_, a) => {
            const latest = gradePathOf(a.qualifications).filter((x) => x.grade === 'intro').at(-1);
            return latest ? (
              <Space size={4} wrap>
                <span className="mono">{latest.certificateNumber}</span>
                <QualificationStateTag qualification={latest} today={today} />
              </Space>
            ) : (
              <Tag color="warning">{t('as.introMissing')}</Tag>
            );
          },
        },
        { title: t('as.validUntil'), key: 'validUntil', render: (_, a) => gradePathOf(a.qualifications).filter((x) => x.grade === 'intro').at(-1)?.validUntil ?? '—', responsive: ['md'] },
      ]
    : [
        nameColumn,
        ...(platform ? [{
          title: t('as.affiliation'),
          key: 'affiliation',
          render: (_: unknown, a: Assessor) => a.enterpriseId ? <Named text={(name) => t('as.internalOf', { name })} name={a.enterpriseName ?? '—'} /> : a.bodyName ? <span lang="zh-CN">{a.bodyName}</span> : t('as.noAffiliation'),
        }] : []),
        {
          title: t('as.currentGrades'),
          key: 'grades',
          render: (_, a) => (
            <Space size={4} wrap>
              {shownGrades(a.currentGrades).map((g) => (
                <Tag key={g} color="blue">
                  {t(gradeKey(g))}
                </Tag>
              ))}
              {!a.currentGrades.length && <Typography.Text type="secondary">{t('as.noValidGrade')}</Typography.Text>}
              {hasPending(a) && <Tag color="processing">{t('as.pendingCount', { count: a.qualifications.filter((x) => x.status === 'pending').length })}</Tag>}
            </Space>
          ),
        },
        { title: t('as.mobile'), dataIndex: 'mobile', key: 'mobile', responsive: ['lg'] },
        { title: t('as.listedPublicly'), key: 'listed', render: (_, a) => (a.enterpriseId ? '—' : a.listedPublicly ? t('as.listedYes') : t('as.listedNo')), responsive: ['md'] },
      ];
  columns.push({
    title: t('as.actions'),
    key: 'actions',
    render: (_, a) => (
      <Button type="link" size="small" onClick={() => setOpen(a.id)} aria-label={t('as.openDetail', { name: a.name })}>
        {platform && hasPending(a) ? t('as.review') : t('as.view')}
      </Button>
    ),
  });

  return (
    <div className="page page-wide">
      <Typography.Title>{enterprise ? t('as.internalTitle') : t('as.assessorsTitle')}</Typography.Title>
      {!enterprise && <AreaLinks current="/assessors" role={account.role} />}
      {enterprise ? (
        <Alert type="info" showIcon className="page-note" title={t('as.internalWhy')} description={t('as.internalHow')} />
      ) : (
        <Typography.Paragraph type="secondary">{platform ? t('as.assessorsIntroPlatform') : t('as.assessorsIntroBody')}</Typography.Paragraph>
      )}
      <div className="toolbar" role="search" aria-label={t('as.filters')}>
        <Input.Search placeholder={t('as.searchPeople')} aria-label={t('as.searchPeople')} allowClear onSearch={(value) => filtered(setQ)(value.trim())} className="toolbar-search" />
        {!enterprise && (
          <Select<QualificationGrade | 'all'>
            aria-label={t('as.gradeFilter')}
            value={grade ?? 'all'}
            onChange={(value) => filtered(setGrade)(value === 'all' ? undefined : value)}
            options={[{ value: 'all', label: t('as.allGrades') }, ...GRADES.map((g) => ({ value: g, label: t(gradeKey(g)) }))]}
            className="toolbar-select"
            popupMatchSelectWidth={false}
          />
        )}
        {platform && (
          <div className="toolbar-select" style={{ minWidth: 240 }}>
            <BodyPicker aria-label={t('as.bodyFilter')} placeholder={t('as.allBodies')} allowClear value={bodyId} onChange={(value) => filtered(setBodyId)(value)} />
          </div>
        )}
        {platform && (
          <Checkbox checked={pending} onChange={(e) => filtered(setPending)(e.target.checked)} style={{ alignSelf: 'center' }}>
            {t('as.pendingOnly')}
          </Checkbox>
        )}
        <Button type="primary" onClick={() => setRegistering(true)} style={{ marginLeft: 'auto' }}>
          {enterprise ? t('as.registerInternal') : t('as.registerAssessor')}
        </Button>
      </div>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<Assessor>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: enterprise ? t('as.noInternal') : pending ? t('as.noPending') : t('as.noAssessors') }}
        pagination={paging.pagination(list.data?.total)}
      />
      <RegisterAssessorModal
        open={registering}
        mode={mode}
        onClose={() => setRegistering(false)}
        onRegistered={(assessor, password) => {
          setRegistering(false);
          list.reload();
          if (password) {
            setIssued({ name: assessor.username ?? assessor.name, password });
            setOpenAfterPassword(assessor.id);
          } else setOpen(assessor.id);
        }}
      />
      <OneTimePasswordModal
        issued={issued}
        onClose={() => {
          setIssued(undefined);
          setOpen(openAfterPassword);
          setOpenAfterPassword(undefined);
        }}
      />
      <AssessorDrawer assessorId={open} may={{ manage: true, decide: platform, listing: true }} onClose={() => setOpen(undefined)} onChanged={list.reload} />
    </div>
  );
}

export function AssessorsPage() {
  return <RolePage roles={['platform_admin', 'agency_admin', 'enterprise_user']}>{(account) => <Assessors account={account} />}</RolePage>;
}
