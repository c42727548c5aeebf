// 新建培训: type, title, place, dates, and a trainer holding a trainer qualification valid on those dates.
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../errors.ts';
import { notBefore, requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { chinaToday, COURSE_TYPES, courseTypeKey, trainersAmong } from './assessor-rules.ts';
import { assessorsApi, type CourseType, type TrainingCourse } from './assessors-api.ts';
import { isoDate, serverErrorOnForm } from './form-errors.ts';

interface Values {
  courseType: CourseType;
  title: string;
  place: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
  trainerId?: string;
}

const FIELD_OF_CODE = { TRAINER_NOT_QUALIFIED: ['trainerId'], ASSESSOR_NOT_FOUND: ['trainerId'] };

export function CourseFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (course: TrainingCourse) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const startsOn = Form.useWatch('startsOn', form);
  const endsOn = Form.useWatch('endsOn', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const trainers = useLoad(() => (open ? assessorsApi.assessors({ grade: 'trainer', page: 1, pageSize: 200 }).then((r) => r.items) : Promise.resolve([])), [open]);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const from = startsOn ? isoDate(startsOn) : chinaToday(new Date());
  const to = endsOn ? isoDate(endsOn) : from;
  const qualified = trainersAmong(trainers.data ?? [], from, to);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const created = await assessorsApi.createTraining({
        courseType: values.courseType,
        title: values.title.trim(),
        place: values.place.trim(),
        startsOn: isoDate(values.startsOn),
        endsOn: isoDate(values.endsOn),
        ...(values.trainerId ? { trainerId: values.trainerId } : {}),
      });
      onCreated(created);
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t, FIELD_OF_CODE));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal open={open} title={t('as.newCourse')} okText={t('form.save')} cancelText={t('form.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={submitting} forceRender>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} noValidate name="training-course" scrollToFirstError={{ focus: true }}>
        <Form.Item name="courseType" label={t('as.courseType')} rules={[requiredChoice(t, t('as.courseType'))]}>
          <Select options={COURSE_TYPES.map((type) => ({ value: type, label: t(courseTypeKey(type)) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('as.courseTitle')} rules={[requiredText(t, t('as.courseTitle')), { max: 100 }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="place" label={t('as.place')} rules={[requiredText(t, t('as.place')), { max: 50 }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="startsOn" label={t('as.startsOn')} rules={[requiredChoice(t, t('as.startsOn'))]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('as.endsOn')}
          dependencies={['startsOn']}
          rules={[
            requiredChoice(t, t('as.endsOn')),
            notBefore('startsOn', t('as.endsBeforeStarts')),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="trainerId" label={t('as.trainerOptional')} extra={t('as.trainerHelp')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={trainers.loading}
            notFoundContent={trainers.error !== undefined ? errorMessage(trainers.error, lang, t) : t('as.noTrainers')}
            options={qualified.map((p) => ({ value: p.id, label: t('as.personOption', { name: p.name, org: p.bodyName ?? p.enterpriseName ?? t('as.noAffiliation'), mobile: p.mobile }) }))}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
