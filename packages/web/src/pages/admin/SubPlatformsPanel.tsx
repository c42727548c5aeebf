import { App, Button, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SubPlatformView } from '../../api.ts';
import { SubPlatformLogo } from '../../components/SubPlatformLogo.tsx';
import { useI18n } from '../../i18n.tsx';
import { SubPlatformEditor } from './SubPlatformEditor.tsx';

export function SubPlatformsPanel({ subPlatforms, onChanged }: { subPlatforms: readonly SubPlatformView[]; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<SubPlatformView>();

  const columns: ColumnsType<SubPlatformView> = [
    { title: t('admin.spCode'), dataIndex: 'code', key: 'code', width: 90 },
    {
      title: t('admin.spName'),
      key: 'name',
      render: (_value, sp) => (
        <span className="sp-row-name">
          <SubPlatformLogo subPlatform={sp} size={28} />
          <span lang="zh-CN">{sp.name}</span>
        </span>
      ),
    },
    { title: t('admin.spShortName'), dataIndex: 'shortName', key: 'shortName', render: (name: string) => <span lang="zh-CN">{name}</span>, responsive: ['md'] },
    {
      title: t('admin.spColor'),
      dataIndex: 'themeColor',
      key: 'themeColor',
      render: (colour: string) => (
        <span className="swatch-row">
          <span className="swatch" style={{ background: colour }} aria-hidden /> <span className="mono">{colour}</span>
        </span>
      ),
    },
    {
      title: t('admin.actions'),
      key: 'actions',
      render: (_value, sp) => (
        <>
          <Button type="link" size="small" onClick={() => setEditing(sp)} aria-label={`${t('admin.edit')} ${sp.code}`}>
            {t('admin.edit')}
          </Button>
          <Link to={`/r/${sp.code}`}>{t('admin.spOpen')}</Link>
        </>
      ),
    },
  ];

  return (
    <>
      <Table<SubPlatformView> rowKey="code" columns={columns} dataSource={[...subPlatforms]} pagination={false} scroll={{ x: true }} />
      <Modal open={editing !== undefined} title={editing ? t('admin.spEdit', { name: editing.name }) : ''} footer={null} onCancel={() => setEditing(undefined)} destroyOnHidden width={640}>
        {editing && (
          <SubPlatformEditor
            subPlatform={editing}
            onCancel={() => setEditing(undefined)}
            onSaved={() => {
              setEditing(undefined);
              message.success(t('admin.saved'));
              onChanged();
            }}
          />
        )}
      </Modal>
    </>
  );
}
