// The searchable pickers of these pages: an assessment body, an enterprise, a person.
import type { EnterpriseView } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { assessorsApi, type AssessmentBody, type Assessor, type AssessorFilter } from './assessors-api.ts';
import { RemoteSelect, type RemoteOption } from './RemoteSelect.tsx';

interface PickerProps<T> {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined, item: T | undefined) => void;
  'aria-label'?: string;
  allowClear?: boolean;
  placeholder?: string;
}

export function BodyPicker(props: PickerProps<AssessmentBody>) {
  const { t } = useI18n();
  return (
    <RemoteSelect<AssessmentBody>
      {...props}
      placeholder={props.placeholder ?? t('as.bodyPlaceholder')}
      load={(q) => assessorsApi.bodies({ q: q || undefined, page: 1, pageSize: 50 }).then((r) => r.items)}
      option={(b) => ({ value: b.id, label: t('as.bodyOption', { name: b.name, region: b.regionName }) })}
    />
  );
}

/** The server may not search enterprises by name yet: the answer is narrowed here as well. */
export function EnterprisePicker(props: PickerProps<EnterpriseView>) {
  const { t } = useI18n();
  return (
    <RemoteSelect<EnterpriseView>
      {...props}
      placeholder={props.placeholder ?? t('as.enterprisePlaceholder')}
      load={(q) => assessorsApi.enterprises(q).then((list) => list.filter((e) => !q || e.name.includes(q) || e.creditCode.includes(q.toUpperCase())))}
      option={(e) => ({ value: e.id, label: t('as.enterpriseOption', { name: e.name, code: e.creditCode }) })}
    />
  );
}

export function AssessorPicker({ filter, disable, ...props }: PickerProps<Assessor> & { filter?: Omit<AssessorFilter, 'page' | 'pageSize' | 'q'>; disable?: (a: Assessor) => boolean }) {
  const { t } = useI18n();
  const option = (a: Assessor): RemoteOption => ({
    value: a.id,
    label: t('as.personOption', { name: a.name, org: a.bodyName ?? a.enterpriseName ?? t('as.noAffiliation'), mobile: a.mobile }),
    disabled: disable?.(a) ?? false,
  });
  return (
    <RemoteSelect<Assessor>
      {...props}
      placeholder={props.placeholder ?? t('as.assessorPlaceholder')}
      load={(q) => assessorsApi.assessors({ ...filter, q: q || undefined, page: 1, pageSize: 50 }).then((r) => r.items)}
      option={option}
      deps={[JSON.stringify(filter ?? {})]}
    />
  );
}
