// One course: its details, the participants and their results; the platform admin enrols people and
// records results (a pass registers the qualification, linked to the course).
import { App, Button, Descriptions, Drawer, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { useLoad } from '../../use-load.ts';
import { courseTypeKey } from './assessor-rules.ts';
import { assessorsApi, type TrainingCourse, type TrainingParticipant } from './assessors-api.ts';
import { AssessorPicker } from './pickers.tsx';
import { TrainingResultModal } from './TrainingResultModal.tsx';

const RESULT_COLOUR: Record<TrainingParticipant['result'], string> = { enrolled: 'processing', passed: 'success', failed: 'error' };
const resultKey = (result: TrainingParticipant['result']): MessageKey => `as.participant.${result}`;

function Participants({ course, manage, onChanged }: { course: TrainingCourse; manage: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string>();
  const [enrolling, setEnrolling] = useState(false);
  const [recording, setRecording] = useState<TrainingParticipant>();
  const enrolled = new Set(course.participants.map((p) => p.assessorId));

  const enrol = async () => {
    if (!chosen) {
      message.warning(t('as.choosePerson'));
      return;
    }
    setEnrolling(true);
    try {
      await assessorsApi.enrolParticipant(course.id, chosen);
      message.success(t('as.enrolled'));
      setChosen(undefined);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error, lang, t));
    } finally {
      setEnrolling(false);
    }
  };

  const columns: ColumnsType<TrainingParticipant> = [
    { title: t('as.name'), dataIndex: 'name', key: 'name', render: (name: string) => <span lang="zh-CN">{name}</span> },
    { title: t('as.result'), dataIndex: 'result', key: 'result', render: (r: TrainingParticipant['result']) => <Tag color={RESULT_COLOUR[r]}>{t(resultKey(r))}</Tag> },
    { title: t('as.certificateNumber'), dataIndex: 'certificateNumber', key: 'certificateNumber', render: (n: string | null) => (n ? <span className="mono">{n}</span> : '—') },
  ];
  if (manage)
    columns.push({
      title: t('as.actions'),
      key: 'actions',
      render: (_, p) =>
        p.result === 'enrolled' ? (
          <Button type="link" size="small" onClick={() => setRecording(p)} aria-label={t('as.recordResultFor', { name: p.name })}>
            {t('as.recordResult')}
          </Button>
        ) : null,
    });

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        {t('as.participants', { count: course.participants.length })}
      </Typography.Title>
      {manage && (
        <div style={{ display: 'flex', gap: 8, marginBottom: 12 }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <AssessorPicker
              aria-label={t('as.enrolWho')}
              placeholder={t('as.enrolWho')}
              value={chosen}
              onChange={(value) => setChosen(value)}
              disable={(a) => enrolled.has(a.id) || (course.courseType !== 'intro' && a.enterpriseId !== null)}
            />
          </div>
          <Button type="primary" onClick={() => void enrol()} loading={enrolling}>
            {t('as.enrol')}
          </Button>
        </div>
      )}
      <Table<TrainingParticipant> rowKey="assessorId" columns={columns} dataSource={course.participants} pagination={false} size="small" locale={{ emptyText: t('as.noParticipants') }} scroll={{ x: 'max-content' }} />
      <TrainingResultModal
        course={course}
        participant={recording}
        onClose={() => setRecording(undefined)}
        onSaved={() => {
          setRecording(undefined);
          message.success(t('as.resultSaved'));
          onChanged();
        }}
      />
    </>
  );
}

export function TrainingDrawer({ courseId, manage, onClose, onChanged }: { courseId: string | undefined; manage: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const detail = useLoad(() => (courseId ? assessorsApi.training(courseId) : Promise.resolve(undefined)), [courseId]);
  const course = detail.data?.id === courseId ? detail.data : undefined;
  return (
    <Drawer open={courseId !== undefined} onClose={onClose} title={course ? course.title : t('as.course')} size={screens.md ? 720 : '100%'} destroyOnHidden>
      {detail.error !== undefined ? (
        <LoadError error={detail.error} onRetry={detail.reload} />
      ) : course ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'type', label: t('as.courseType'), children: t(courseTypeKey(course.courseType)) },
              { key: 'title', label: t('as.courseTitle'), children: <span lang="zh-CN">{course.title}</span> },
              { key: 'place', label: t('as.place'), children: <span lang="zh-CN">{course.place}</span> },
              { key: 'dates', label: t('as.dates'), children: t('as.dateRange', { from: course.startsOn, to: course.endsOn }) },
              { key: 'trainer', label: t('as.trainer'), children: course.trainerName ? <span lang="zh-CN">{course.trainerName}</span> : '—' },
            ]}
          />
          <Participants
            course={course}
            manage={manage}
            onChanged={() => {
              detail.reload();
              onChanged();
            }}
          />
        </>
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}
