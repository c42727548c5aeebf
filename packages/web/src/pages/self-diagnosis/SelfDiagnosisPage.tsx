// /self-diagnoses/:id goes to the step the diagnosis is at: 调查问卷, answering, or the result.
import { Skeleton } from 'antd';
import { useCallback } from 'react';
import { Navigate, useParams } from 'react-router';
import { api, type SelfDiagnosis } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useLoad } from '../../use-load.ts';
import { AnsweringStep } from './AnsweringStep.tsx';
import { SurveyStep } from './SurveyStep.tsx';

function SelfDiagnosisStep({ id }: { id: string }) {
  const diagnosis = useLoad(() => api.selfDiagnosis(id), [id]);
  const reload = diagnosis.reload;
  const onChanged = useCallback((_next?: SelfDiagnosis) => reload(), [reload]);
  if (diagnosis.error !== undefined) return <LoadError error={diagnosis.error} onRetry={diagnosis.reload} />;
  const d = diagnosis.data;
  if (!d) return <Skeleton active />;
  if (d.status === 'survey') return <SurveyStep diagnosis={d} onSaved={onChanged} />;
  if (d.status === 'completed') return <Navigate to={`/self-diagnoses/${id}/result`} replace />;
  return <AnsweringStep key={`${d.id}-${d.currentLevel}`} diagnosis={d} onLevelChanged={onChanged} />;
}

export function SelfDiagnosisPage() {
  const { id = '' } = useParams();
  return <RequireAccount roles={['enterprise_user']}>{() => <SelfDiagnosisStep id={id} />}</RequireAccount>;
}
