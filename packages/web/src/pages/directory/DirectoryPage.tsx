// 信息查询 (seed 002): anyone may look up the certified enterprises (获证企业, pages/registry), the
// assessors, lead assessors, high-maturity lead assessors and trainers registered on the platform, and the
// assessment bodies an enterprise can apply to.
import { Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { DIRECTORY_GRADES, gradeKey } from '../assessors/assessor-rules.ts';
import { assessorsApi, type DirectoryAssessor, type DirectoryBody, type DirectoryGrade } from '../assessors/assessors-api.ts';
import { usePaging } from '../assessors/paging.ts';
import { CertifiedEnterprisesTab } from '../registry/CertifiedEnterprisesTab.tsx';

const TABS = ['certified', 'assessors', 'bodies'] as const;
type Tab = (typeof TABS)[number];

const zh = (text: string | null) => <span lang="zh-CN">{text ?? '—'}</span>;

function AssessorDirectory() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [grade, setGrade] = useState<DirectoryGrade>();
  const paging = usePaging();
  const { page, pageSize } = paging;
  const list = useLoad(() => assessorsApi.directoryAssessors({ q: q || undefined, grade, page, pageSize }), [q, grade, page, pageSize]);

  const columns: ColumnsType<DirectoryAssessor> = [
    { title: t('dir.name'), dataIndex: 'name', key: 'name', render: zh },
    { title: t('dir.grade'), dataIndex: 'grade', key: 'grade', render: (g: DirectoryGrade) => t(gradeKey(g)) },
    { title: t('dir.body'), dataIndex: 'bodyName', key: 'bodyName', render: zh },
    { title: t('dir.certificateNumber'), dataIndex: 'certificateNumber', key: 'certificateNumber', render: (n: string) => <span className="mono">{n}</span> },
    { title: t('dir.obtainedOn'), dataIndex: 'obtainedOn', key: 'obtainedOn', responsive: ['md'] },
    { title: t('dir.validUntil'), dataIndex: 'validUntil', key: 'validUntil' },
    { title: t('dir.status'), dataIndex: 'valid', key: 'valid', render: (valid: boolean) => (valid ? <Tag color="success">{t('dir.valid')}</Tag> : <Tag>{t('dir.expired')}</Tag>) },
  ];

  return (
    <>
      <div className="toolbar" role="search" aria-label={t('dir.searchAssessorsLabel')}>
        <Input.Search
          placeholder={t('dir.searchAssessors')}
          aria-label={t('dir.searchAssessorsLabel')}
          allowClear
          enterButton={t('dir.search')}
          onSearch={(value) => {
            setQ(value.trim());
            paging.restart();
          }}
          className="toolbar-search"
          style={{ width: 360 }}
        />
        <Select<DirectoryGrade | 'all'>
          aria-label={t('dir.gradeFilter')}
          value={grade ?? 'all'}
          onChange={(value) => {
            setGrade(value === 'all' ? undefined : value);
            paging.restart();
          }}
          options={[{ value: 'all', label: t('dir.allGrades') }, ...DIRECTORY_GRADES.map((g) => ({ value: g, label: t(gradeKey(g)) }))]}
          className="toolbar-select"
          popupMatchSelectWidth={false}
        />
      </div>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<DirectoryAssessor>
        rowKey={(row) => `${row.grade}:${row.certificateNumber}`}
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: q || grade ? t('dir.noMatch') : t('dir.noAssessors') }}
        pagination={paging.pagination(list.data?.total)}
        data-testid="directory-assessors"
      />
    </>
  );
}

function BodyDirectory() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const paging = usePaging();
  const { page, pageSize } = paging;
  const list = useLoad(() => assessorsApi.directoryBodies({ q: q || undefined, page, pageSize }), [q, page, pageSize]);

  const columns: ColumnsType<DirectoryBody> = [
    { title: t('dir.bodyName'), dataIndex: 'name', key: 'name', render: zh },
    { title: t('dir.region'), dataIndex: 'regionName', key: 'regionName', render: zh },
    { title: t('dir.contact'), dataIndex: 'contactName', key: 'contactName', render: zh },
    { title: t('dir.leadCount'), dataIndex: 'leadAssessorCount', key: 'leadAssessorCount', align: 'right' },
  ];

  return (
    <>
      <div className="toolbar" role="search" aria-label={t('dir.searchBodiesLabel')}>
        <Input.Search
          placeholder={t('dir.searchBodies')}
          aria-label={t('dir.searchBodiesLabel')}
          allowClear
          enterButton={t('dir.search')}
          onSearch={(value) => {
            setQ(value.trim());
            paging.restart();
          }}
          className="toolbar-search"
          style={{ width: 360 }}
        />
      </div>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<DirectoryBody>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: q ? t('dir.noMatch') : t('dir.noBodies') }}
        pagination={paging.pagination(list.data?.total)}
        data-testid="directory-bodies"
      />
      <Typography.Paragraph type="secondary">{t('dir.leadCountNote')}</Typography.Paragraph>
    </>
  );
}

export function DirectoryPage() {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = TABS.find((key) => key === requested) ?? 'certified';
  return (
    <div className="page page-wide">
      <Typography.Title>{t('dir.title')}</Typography.Title>
      <Typography.Paragraph className="intro">{t('dir.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === 'certified' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'certified', label: t('registry.title'), children: <CertifiedEnterprisesTab /> },
          { key: 'assessors', label: t('dir.tabAssessors'), children: <AssessorDirectory /> },
          { key: 'bodies', label: t('dir.tabBodies'), children: <BodyDirectory /> },
        ]}
      />
    </div>
  );
}
