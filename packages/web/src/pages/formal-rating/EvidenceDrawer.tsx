// 证据 of one requirement (seed 003 §8.3.2): what the team obtained — how (访谈, 观察, 现场巡视, 文件与记录
// 评审, 信息系统演示, 数据采集), from whom or what, when, a note, and its files to download. Team members
// add evidence, then upload files to it: the file itself is the request body, the server sniffs its
// type; the server's own message says why a file was refused.
import { DownloadOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Form, Grid, Input, Popconfirm, Progress, Select, Skeleton, Tag, Typography, Upload } from 'antd';
import type { RcFile, UploadProps } from 'antd/es/upload';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../errors.ts';
import { requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { chinaToday } from '../assessors/assessor-rules.ts';
import { Zh } from '../formal-assessment/parts.tsx';
import { FormErrorAlert, useFormSave } from './form-save.tsx';
import { MAX_FILE_BYTES, ratingApi, uploadEvidenceFile, type Evidence, type EvidenceFile, type EvidenceMethod, type SheetRow } from './rating-api.ts';
import { methodKey } from './rating-parts.tsx';
import { fileSizeText, uniqueById } from './rating-view.ts';

/** Every method, in the contract's order (the Record makes a missing one a compile error). */
const METHODS: Record<EvidenceMethod, true> = { interview: true, observation: true, site_tour: true, document_review: true, system_demo: true, data_collection: true };
const METHOD_ORDER = Object.keys(METHODS) as EvidenceMethod[];

/** What the server takes (it sniffs the content; this only narrows the file dialog). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.csv,application/pdf,image/*,text/csv';

interface UploadEntry {
  uid: string;
  name: string;
  percent: number;
  status: 'uploading' | 'error';
  message?: string;
}

/** An evidence whose files changed, and what to announce to screen readers. */
type OnFilesChanged = (evidence: Evidence, announcement: string) => void;

function FileUploader({ assessmentId, evidence, index, onFilesChanged }: { assessmentId: string; evidence: Evidence; index: number; onFilesChanged: OnFilesChanged }) {
  const { t, lang } = useI18n();
  const [uploads, setUploads] = useState<UploadEntry[]>([]);
  const update = (uid: string, patch: Partial<UploadEntry>) => setUploads((list) => list.map((u) => (u.uid === uid ? { ...u, ...patch } : u)));
  const refuse = (file: RcFile, error: ApiError, extra = '') =>
    setUploads((list) => [...list, { uid: file.uid, name: file.name, percent: 0, status: 'error', message: errorMessage(error, lang, t) + extra }]);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size === 0) {
      refuse(file, new ApiError(400, 'FILE_EMPTY', ''));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_FILE_BYTES) {
      refuse(file, new ApiError(413, 'FILE_TOO_LARGE', ''), t('rating.files.limitSuffix'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const f = file as RcFile;
    setUploads((list) => [...list.filter((u) => u.uid !== f.uid), { uid: f.uid, name: f.name, percent: 0, status: 'uploading' }]);
    const upload = uploadEvidenceFile(assessmentId, evidence.id, f, (percent) => {
      update(f.uid, { percent });
      onProgress?.({ percent });
    });
    upload.promise.then(
      (updated) => {
        setUploads((list) => list.filter((u) => u.uid !== f.uid));
        onFilesChanged(updated, t('rating.files.uploaded', { name: f.name }));
        onSuccess?.(updated);
      },
      (error: unknown) => {
        update(f.uid, { status: 'error', message: errorMessage(error, lang, t) });
        onError?.(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return { abort: upload.abort };
  };

  return (
    <div style={{ marginTop: 8 }}>
      <Upload multiple hasControlInside showUploadList={false} accept={ACCEPT} beforeUpload={beforeUpload} customRequest={customRequest}>
        <Button icon={<UploadOutlined aria-hidden />} size="small" aria-label={t('rating.files.uploadFor', { n: index })} data-testid={`upload-${evidence.id}`}>
          {t('rating.files.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
        {t('rating.files.help')}
      </Typography.Text>
      {uploads.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }} data-testid="uploads">
          {uploads.map((u) => (
            <li key={u.uid} style={{ marginBottom: 4 }}>
              {u.status === 'uploading' ? (
                <div role="status">
                  <span>{t('rating.files.uploading', { name: u.name })}</span>
                  <Progress percent={u.percent} size="small" aria-label={t('rating.files.uploading', { name: u.name })} />
                </div>
              ) : (
                <div role="alert" style={{ color: '#cf1322' }} data-testid="upload-error">
                  <WarningOutlined aria-hidden /> {t('rating.files.failed', { name: u.name })}
                  <span lang={lang}>{u.message}</span>{' '}
                  <Button size="small" type="link" onClick={() => setUploads((list) => list.filter((x) => x.uid !== u.uid))} style={{ padding: 0, height: 'auto' }}>
                    {t('form.close')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One file: its download link and, for the team while the sheet is open, 删除 (the server allows the uploader or the lead). */
function FileLine({ assessmentId, file, canDelete, onFilesChanged }: { assessmentId: string; file: EvidenceFile; canDelete: boolean; onFilesChanged: OnFilesChanged }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onFilesChanged(await ratingApi.deleteFile(assessmentId, file.id), t('rating.files.deleted', { name: file.fileName }));
    } catch (e) {
      setError(errorMessage(e, lang, t));
      setBusy(false);
    }
  };
  return (
    <li>
      <a href={ratingApi.fileUrl(assessmentId, file.id)} download={file.fileName}>
        <DownloadOutlined aria-hidden /> <span lang="zh-CN">{file.fileName}</span>
      </a>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('rating.files.meta', { size: fileSizeText(file.size), at: beijingDateTime(file.uploadedAt) })}
      </Typography.Text>
      {canDelete && (
        <Popconfirm title={t('rating.files.deleteConfirm', { name: file.fileName })} okText={t('rating.files.delete')} cancelText={t('form.cancel')} okButtonProps={{ danger: true }} onConfirm={() => void remove()}>
          <Button size="small" type="link" danger loading={busy} aria-label={t('rating.files.deleteOf', { name: file.fileName })} data-testid="delete-file">
            {t('rating.files.delete')}
          </Button>
        </Popconfirm>
      )}
      {error && (
        <div role="alert" style={{ color: '#cf1322' }} data-testid="delete-file-error">
          <WarningOutlined aria-hidden /> {error}
        </div>
      )}
    </li>
  );
}

function EvidenceItem({ assessmentId, evidence, index, canAdd, onFilesChanged }: { assessmentId: string; evidence: Evidence; index: number; canAdd: boolean; onFilesChanged: OnFilesChanged }) {
  const { t } = useI18n();
  const files = uniqueById(evidence.files);
  const label = { color: 'rgba(0,0,0,0.65)' };
  return (
    <li id={`evidence-${evidence.id}`} tabIndex={-1} data-testid={`evidence-item-${evidence.id}`} style={{ border: '1px solid #e5e8ef', borderRadius: 8, padding: 12, outlineOffset: 2 }}>
      <Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>
        {t('rating.evidence.itemTitle', { n: index })} <Tag color="blue">{t(methodKey(evidence.method))}</Tag>
      </Typography.Title>
      <dl style={{ margin: '8px 0 0', display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', gap: '4px 12px' }}>
        <dt style={label}>{t('rating.evidence.source')}</dt>
        <dd style={{ margin: 0 }} lang="zh-CN">
          {evidence.source}
        </dd>
        <dt style={label}>{t('rating.evidence.collectedOn')}</dt>
        <dd style={{ margin: 0 }}>{evidence.collectedOn}</dd>
        <dt style={label}>{t('rating.evidence.note')}</dt>
        <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }} lang="zh-CN">
          {evidence.note}
        </dd>
        <dt style={label}>{t('rating.evidence.recordedBy')}</dt>
        <dd style={{ margin: 0 }}>
          {evidence.createdBy ? <Zh>{evidence.createdBy}</Zh> : '—'} · {beijingDateTime(evidence.createdAt)}
        </dd>
        <dt style={label}>{t('rating.files.title')}</dt>
        <dd style={{ margin: 0 }}>
          {files.length ? (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="evidence-files">
              {files.map((f) => (
                <FileLine key={f.id} assessmentId={assessmentId} file={f} canDelete={canAdd} onFilesChanged={onFilesChanged} />
              ))}
            </ul>
          ) : (
            t('rating.files.none')
          )}
        </dd>
      </dl>
      {canAdd && <FileUploader assessmentId={assessmentId} evidence={evidence} index={index} onFilesChanged={onFilesChanged} />}
    </li>
  );
}

interface EvidenceValues {
  method?: EvidenceMethod;
  source?: string;
  collectedOn?: string;
  note?: string;
}

function AddEvidenceForm({ assessmentId, requirementId, onAdded }: { assessmentId: string; requirementId: string; onAdded: (evidence: Evidence) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<EvidenceValues>();
  const { saving, error, save } = useFormSave(form);
  const onFinish = async (values: EvidenceValues) => {
    const method = values.method;
    if (!method) return;
    await save(async () => {
      const added = await ratingApi.addEvidence(assessmentId, {
        requirementId,
        method,
        source: (values.source ?? '').trim(),
        collectedOn: values.collectedOn ?? '',
        note: (values.note ?? '').trim(),
      });
      form.resetFields();
      onAdded(added);
    });
  };
  return (
    <Form<EvidenceValues>
      form={form}
      layout="vertical"
      name="add-evidence"
      initialValues={{ collectedOn: chinaToday(new Date()) }}
      onFinish={(v) => void onFinish(v)}
      scrollToFirstError={{ focus: true }}
      data-testid="add-evidence-form"
    >
      <Form.Item name="method" label={t('rating.evidence.method')} rules={[requiredChoice(t, t('rating.evidence.method'))]}>
        <Select options={METHOD_ORDER.map((m) => ({ value: m, label: t(methodKey(m)) }))} placeholder={t('rating.evidence.methodPlaceholder')} />
      </Form.Item>
      <Form.Item name="source" label={t('rating.evidence.source')} extra={t('rating.evidence.sourceHelp')} rules={[requiredText(t, t('rating.evidence.source'))]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="collectedOn"
        label={t('rating.evidence.collectedOn')}
        rules={[requiredText(t, t('rating.evidence.collectedOn')), { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('rating.dateInvalid') }]}
      >
        <Input type="date" style={{ maxWidth: 220 }} />
      </Form.Item>
      <Form.Item name="note" label={t('rating.evidence.note')} extra={t('rating.evidence.noteHelp')} rules={[requiredText(t, t('rating.evidence.note'))]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
      </Form.Item>
      <FormErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={saving} data-testid="add-evidence">
        {t('rating.evidence.add')}
      </Button>
    </Form>
  );
}

function EvidencePanel({ assessmentId, row, canAdd, onChanged }: { assessmentId: string; row: SheetRow; canAdd: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(() => ratingApi.evidence(assessmentId, row.requirementId), [assessmentId, row.requirementId]);
  const [updated, setUpdated] = useState<Record<string, Evidence>>({});
  const [added, setAdded] = useState<Evidence[]>([]);
  const [focusId, setFocusId] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const items = uniqueById([...(loaded.data ?? []), ...added]).map((e) => updated[e.id] ?? e);

  useEffect(() => {
    if (!focusId) return;
    const element = document.getElementById(`evidence-${focusId}`);
    if (element) {
      element.focus();
      setFocusId(undefined);
    }
  }, [focusId, items.length]);

  const onFilesChanged: OnFilesChanged = (evidence, said) => {
    setUpdated((u) => ({ ...u, [evidence.id]: evidence }));
    setAnnouncement(said);
  };

  return (
    <>
      <Typography.Paragraph lang="zh-CN" style={{ lineHeight: 1.7 }}>
        {row.text}
      </Typography.Paragraph>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('rating.evidence.listTitle', { count: items.length })}
      </Typography.Title>
      {loaded.error !== undefined ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : loaded.data === undefined ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('rating.evidence.none')} />
      ) : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 12 }} data-testid="evidence-list">
          {items.map((e, i) => (
            <EvidenceItem key={e.id} assessmentId={assessmentId} evidence={e} index={i + 1} canAdd={canAdd} onFilesChanged={onFilesChanged} />
          ))}
        </ol>
      )}
      {canAdd && (
        <section aria-labelledby="add-evidence-title" style={{ marginTop: 24 }}>
          <Typography.Title level={3} id="add-evidence-title" style={{ fontSize: 16 }}>
            {t('rating.evidence.addTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('rating.evidence.addIntro')}</Typography.Paragraph>
          <AddEvidenceForm
            assessmentId={assessmentId}
            requirementId={row.requirementId}
            onAdded={(evidence) => {
              setAdded((list) => [...list, evidence]);
              setFocusId(evidence.id);
              setAnnouncement(t('rating.evidence.added'));
              onChanged();
            }}
          />
        </section>
      )}
    </>
  );
}

export function EvidenceDrawer({
  assessmentId,
  row,
  canAdd,
  onClose,
  afterClose,
  onChanged,
}: {
  assessmentId: string;
  row: SheetRow | undefined;
  canAdd: boolean;
  onClose: () => void;
  afterClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  // The row stays shown while the drawer closes.
  const [shown, setShown] = useState<SheetRow | undefined>(row);
  if (row && row !== shown) setShown(row);
  return (
    <Drawer
      open={row !== undefined}
      onClose={onClose}
      afterOpenChange={(open) => {
        if (!open) afterClose();
      }}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      title={
        shown && (
          <>
            {t('rating.evidence.title')}
            {t('sd.colon')}
            <Zh>{shown.itemName}</Zh>
          </>
        )
      }
    >
      {shown && <EvidencePanel key={shown.requirementId} assessmentId={assessmentId} row={shown} canAdd={canAdd} onChanged={onChanged} />}
    </Drawer>
  );
}
