// 标准培训 (seed 002): CMMM intro 培训, 评估师培训, 主任评估师 & 培训讲师培训. The platform admin keeps
// courses, participants and results; an agency admin reads them.
import { App, Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { AccountView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { courseTypeKey } from './assessor-rules.ts';
import { assessorsApi, type CourseType, type TrainingCourse } from './assessors-api.ts';
import { AreaLinks } from './AssessorsPage.tsx';
import { CourseFormModal } from './CourseFormModal.tsx';
import { usePaging } from './paging.ts';
import { RolePage } from './RolePage.tsx';
import { TrainingDrawer } from './TrainingDrawer.tsx';

function Trainings({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const manage = account.role === 'platform_admin';
  const paging = usePaging();
  const { page, pageSize } = paging;
  const list = useLoad(() => assessorsApi.trainings({ page, pageSize }), [page, pageSize]);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string>();

  const columns: ColumnsType<TrainingCourse> = [
    {
      title: t('as.courseTitle'),
      key: 'title',
      render: (_, c) => (
        <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(c.id)}>
          <span lang="zh-CN">{c.title}</span>
        </Button>
      ),
    },
    { title: t('as.courseType'), dataIndex: 'courseType', key: 'courseType', render: (type: CourseType) => t(courseTypeKey(type)) },
    { title: t('as.place'), dataIndex: 'place', key: 'place', render: (place: string) => <span lang="zh-CN">{place}</span>, responsive: ['md'] },
    { title: t('as.dates'), key: 'dates', render: (_, c) => t('as.dateRange', { from: c.startsOn, to: c.endsOn }) },
    { title: t('as.trainer'), dataIndex: 'trainerName', key: 'trainer', render: (name: string | null) => (name ? <span lang="zh-CN">{name}</span> : '—'), responsive: ['lg'] },
    {
      title: t('as.participantsColumn'),
      key: 'participants',
      align: 'right',
      render: (_, c) => t('as.participantsSummary', { count: c.participants.length, passed: c.participants.filter((p) => p.result === 'passed').length }),
    },
    {
      title: t('as.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setOpen(c.id)} aria-label={`${manage ? t('as.manageCourse') : t('as.view')} ${c.title}`}>
          {manage ? t('as.manageCourse') : t('as.view')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page page-wide">
      <Typography.Title>{t('as.trainingsTitle')}</Typography.Title>
      <AreaLinks current="/trainings" role={account.role} />
      <Typography.Paragraph type="secondary">{t('as.trainingsIntro')}</Typography.Paragraph>
      {manage && (
        <div className="toolbar">
          <Button type="primary" onClick={() => setCreating(true)} style={{ marginLeft: 'auto' }}>
            {t('as.newCourse')}
          </Button>
        </div>
      )}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<TrainingCourse>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('as.noCourses') }}
        pagination={paging.pagination(list.data?.total)}
      />
      <CourseFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(course) => {
          setCreating(false);
          message.success(t('as.courseCreated'));
          list.reload();
          setOpen(course.id);
        }}
      />
      <TrainingDrawer courseId={open} manage={manage} onClose={() => setOpen(undefined)} onChanged={list.reload} />
    </div>
  );
}

export function TrainingsPage() {
  return <RolePage roles={['platform_admin', 'agency_admin']}>{(account) => <Trainings account={account} />}</RolePage>;
}
