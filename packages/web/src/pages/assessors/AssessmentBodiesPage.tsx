// 评估机构: the platform admin registers and edits assessment bodies (enterprises apply to one, seed
// 002 "向主任评估师所在机构（评估机构）提出评估申请"); an agency admin keeps its own body's details.
import { App, Button, Card, Descriptions, Input, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { AccountView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { assessorsApi, type AssessmentBody } from './assessors-api.ts';
import { AreaLinks } from './AssessorsPage.tsx';
import { BodyFormModal } from './BodyFormModal.tsx';
import { usePaging } from './paging.ts';
import { RolePage } from './RolePage.tsx';

const zh = (text: string | null) => <span lang="zh-CN">{text || '—'}</span>;

/** The body an agency admin belongs to, once the session tells (AccountView.bodyId). */
export function ownBodyIdOf(account: AccountView): string | undefined {
  const withBody: AccountView & { bodyId?: unknown } = account;
  return typeof withBody.bodyId === 'string' ? withBody.bodyId : undefined;
}

/** The agency admin's body: from the session, else from its people (the list is scoped to its body). */
async function ownBodyOf(account: AccountView): Promise<AssessmentBody | undefined> {
  const bodyId = ownBodyIdOf(account) ?? (await assessorsApi.assessors({ page: 1, pageSize: 1 })).items[0]?.bodyId ?? undefined;
  return bodyId ? findBody(bodyId) : undefined;
}

/** There is no GET of one body: look through the (short) list. */
async function findBody(bodyId: string): Promise<AssessmentBody | undefined> {
  for (let page = 1; page <= 50; page++) {
    const answer = await assessorsApi.bodies({ page, pageSize: 200 });
    const found = answer.items.find((b) => b.id === bodyId);
    if (found || page * answer.pageSize >= answer.total) return found;
  }
  return undefined;
}

function BodyList() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const paging = usePaging();
  const { page, pageSize } = paging;
  const list = useLoad(() => assessorsApi.bodies({ q: q || undefined, page, pageSize }), [q, page, pageSize]);
  const [editing, setEditing] = useState<AssessmentBody>();
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<AssessmentBody> = [
    { title: t('as.bodyName'), dataIndex: 'name', key: 'name', render: zh },
    { title: t('register.creditCode'), dataIndex: 'creditCode', key: 'creditCode', render: (code: string) => <span className="mono">{code}</span>, responsive: ['lg'] },
    { title: t('as.region'), dataIndex: 'regionName', key: 'regionName', render: zh },
    { title: t('register.contactName'), key: 'contact', render: (_, b) => <span lang="zh-CN">{b.contactName} {b.contactMobile}</span>, responsive: ['md'] },
    { title: t('as.leadCount'), dataIndex: 'leadAssessorCount', key: 'leadAssessorCount', align: 'right' },
    {
      title: t('as.actions'),
      key: 'actions',
      render: (_, b) => (
        <Button type="link" size="small" onClick={() => setEditing(b)} aria-label={`${t('as.edit')} ${b.name}`}>
          {t('as.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="toolbar" role="search" aria-label={t('as.searchBodies')}>
        <Input.Search
          placeholder={t('as.searchBodies')}
          aria-label={t('as.searchBodies')}
          allowClear
          onSearch={(value) => {
            setQ(value.trim());
            paging.restart();
          }}
          className="toolbar-search"
        />
        <Button type="primary" onClick={() => setCreating(true)} style={{ marginLeft: 'auto' }}>
          {t('as.registerBody')}
        </Button>
      </div>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<AssessmentBody>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: q ? t('dir.noMatch') : t('as.noBodies') }}
        pagination={paging.pagination(list.data?.total)}
      />
      <BodyFormModal
        open={creating || editing !== undefined}
        body={editing}
        onClose={() => {
          setCreating(false);
          setEditing(undefined);
        }}
        onSaved={() => {
          message.success(creating ? t('as.bodyRegistered') : t('as.saved'));
          setCreating(false);
          setEditing(undefined);
          list.reload();
        }}
      />
    </>
  );
}

function OwnBody({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const body = useLoad(() => ownBodyOf(account), [account]);
  const [editing, setEditing] = useState(false);
  if (body.error !== undefined) return <LoadError error={body.error} onRetry={body.reload} />;
  if (body.loading && !body.data) return <Skeleton active />;
  if (!body.data) return <Typography.Paragraph>{t('as.ownBodyMissing')}</Typography.Paragraph>;
  const b = body.data;
  return (
    <Card
      title={<h2 className="card-heading" lang="zh-CN">{b.name}</h2>}
      extra={<Button onClick={() => setEditing(true)}>{t('as.edit')}</Button>}
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'creditCode', label: t('register.creditCode'), children: <span className="mono">{b.creditCode}</span> },
          { key: 'region', label: t('as.region'), children: zh(b.regionName) },
          { key: 'contact', label: t('register.contactName'), children: zh(b.contactName) },
          { key: 'mobile', label: t('register.contactMobile'), children: b.contactMobile },
          { key: 'address', label: t('as.address'), children: zh(b.address) },
          { key: 'leads', label: t('as.leadCount'), children: b.leadAssessorCount },
        ]}
      />
      <BodyFormModal
        open={editing}
        body={b}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t('as.saved'));
          body.reload();
        }}
      />
    </Card>
  );
}

function Bodies({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const platform = account.role === 'platform_admin';
  return (
    <div className="page page-wide">
      <Typography.Title>{platform ? t('as.bodiesTitle') : t('as.ownBodyTitle')}</Typography.Title>
      <AreaLinks current="/assessment-bodies" role={account.role} />
      <Typography.Paragraph type="secondary">{platform ? t('as.bodiesIntro') : t('as.ownBodyIntro')}</Typography.Paragraph>
      {platform ? <BodyList /> : <OwnBody account={account} />}
    </div>
  );
}

export function AssessmentBodiesPage() {
  return <RolePage roles={['platform_admin', 'agency_admin']}>{(account) => <Bodies account={account} />}</RolePage>;
}
