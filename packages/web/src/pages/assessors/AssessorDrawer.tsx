// A person's record in a drawer over the list.
import { Drawer, Grid, Skeleton } from 'antd';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { assessorsApi } from './assessors-api.ts';
import { AssessorRecord, type RecordPermissions } from './AssessorRecord.tsx';
import { Named } from './Named.tsx';

export function AssessorDrawer({ assessorId, may, onClose, onChanged }: { assessorId: string | undefined; may: RecordPermissions; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const detail = useLoad(() => (assessorId ? assessorsApi.assessor(assessorId) : Promise.resolve(undefined)), [assessorId]);
  const assessor = detail.data?.id === assessorId ? detail.data : undefined;
  return (
    <Drawer open={assessorId !== undefined} onClose={onClose} title={assessor ? <Named text={(name) => t('as.detailTitle', { name })} name={assessor.name} /> : t('as.detail')} size={screens.md ? 640 : '100%'} destroyOnHidden>
      {detail.error !== undefined ? (
        <LoadError error={detail.error} onRetry={detail.reload} />
      ) : assessor ? (
        <AssessorRecord
          assessor={assessor}
          may={may}
          onChanged={() => {
            detail.reload();
            onChanged();
          }}
        />
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}
