// 新建自诊断 (seed 001 §1.2, §2.2): the level characteristics, the model with the weights of the
// enterprise type, 填报须知, the enterprise type and the tailoring choice, then 开始答题.
import { App, Alert, Button, Checkbox, Radio, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type EnterpriseType, type SessionView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { MaturityLevels } from '../../components/MaturityLevels.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { errorMessage } from '../../errors.ts';
import { TranslationNotice } from '../../components/ModelText.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { modelTree, percent, tailoredIds, tailoredNames, toggleTailored, type ModelNode } from '../../self-diagnosis/model-view.ts';
import { useLoad } from '../../use-load.ts';
import { QuotaRule } from './QuotaRule.tsx';
import { newBlockedReason } from './SelfDiagnosesPage.tsx';

const NOTICE_KEYS: MessageKey[] = ['sd.notice1', 'sd.notice2', 'sd.notice3', 'sd.notice4', 'sd.notice5', 'sd.notice6'];

function Weight({ node }: { node: ModelNode }) {
  const { t } = useI18n();
  if (node.weight === null) return <Tag>{t('sd.notAssessed')}</Tag>;
  return <span className="weight" aria-label={t('sd.weightLabel', { weight: percent(node.weight) })}>{percent(node.weight)}</span>;
}

interface TailorProps {
  ticked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  /** No new self-diagnosis can be started now (monthly limit, one in progress): nothing to choose. */
  disabled: boolean;
}

function TailorControl({ node, kind, ticked, onToggle, disabled }: TailorProps & { node: ModelNode; kind: 'domain' | 'subdomain' }) {
  const { t } = useI18n();
  if (node.weight === null) return null;
  if (!node.tailorable) return <Tag className="mandatory-tag">{t('sd.mandatory')}</Tag>;
  return (
    <Checkbox checked={ticked.has(node.id)} disabled={disabled} onChange={(e) => onToggle(node.id, e.target.checked)} aria-label={t('sd.tailorLabel', { name: node.name, kind: t(kind === 'domain' ? 'sd.kindDomain' : 'sd.kindSubdomain') })} data-testid={`tailor-${node.id}`}>
      {t('sd.tailor')}
    </Checkbox>
  );
}

function ModelTable({ tree, ...tailor }: TailorProps & { tree: ModelNode[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="model-table-wrap">
      <table className="model-table" data-testid="model-table">
        <caption className="sr-only">{t('sd.modelCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sd.colNode')}</th>
            <th scope="col" className="num">{t('sd.colWeight')}</th>
            <th scope="col">{t('sd.colTailor')}</th>
          </tr>
        </thead>
        <tbody>
          {tree.map((element) => [
            <tr key={element.id} className="model-row-element">
              <th scope="row" lang={lang}>{element.name}</th>
              <td className="num"><Weight node={element} /></td>
              <td />
            </tr>,
            ...element.children.flatMap((domain) => [
              <tr key={domain.id} className={`model-row-domain${tailor.ticked.has(domain.id) ? ' tailored' : ''}`}>
                <th scope="row" className="indent-1" lang={lang}>{domain.name}</th>
                <td className="num"><Weight node={domain} /></td>
                <td><TailorControl node={domain} kind="domain" {...tailor} /></td>
              </tr>,
              ...domain.children.map((sub) => (
                <tr key={sub.id} className={`model-row-sub${tailor.ticked.has(sub.id) ? ' tailored' : ''}${sub.weight === null ? ' not-assessed' : ''}`}>
                  <th scope="row" className="indent-2" lang={lang}>{sub.name}</th>
                  <td className="num"><Weight node={sub} /></td>
                  <td><TailorControl node={sub} kind="subdomain" {...tailor} /></td>
                </tr>
              )),
            ]),
          ])}
        </tbody>
      </table>
    </div>
  );
}

function NewSelfDiagnosis({ session }: { session: SessionView }) {
  const { t, lang } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const edition = useLoad(() => api.edition(lang), [lang]);
  const list = useLoad(api.selfDiagnoses, []);
  const [type, setType] = useState<EnterpriseType>(session.enterprise?.enterpriseType ?? 'discrete');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const tree = useMemo(() => (edition.data ? modelTree(edition.data, type) : []), [edition.data, type]);

  const onToggle = (id: string, on: boolean) => setTicked((prev) => toggleTailored(tree, prev, id, on));

  const start = () => {
    const tailored = tailoredIds(tree, ticked);
    const names = tailoredNames(tree, tailored);
    modal.confirm({
      title: t('sd.startConfirmTitle'),
      okText: t('sd.start'),
      cancelText: t('sd.backToChoose'),
      width: 520,
      content: (
        <div data-testid="start-confirm">
          <p>{t('sd.startConfirmType', { type: t(type === 'process' ? 'register.process' : 'register.discrete') })}</p>
          {names.length ? (
            <>
              <p>{t('sd.startConfirmTailored')}</p>
              <ul lang={lang}>{names.map((n) => <li key={n}>{n}</li>)}</ul>
            </>
          ) : (
            <p>{t('sd.startConfirmNone')}</p>
          )}
          <Alert type="warning" showIcon title={t('sd.startConfirmWarning')} />
        </div>
      ),
      onOk: async () => {
        setBusy(true);
        try {
          const created = await api.createSelfDiagnosis(type, tailored);
          navigate(`/self-diagnoses/${created.id}`);
        } catch (error) {
          message.error(errorMessage(error, lang, t));
          list.reload();
        } finally {
          setBusy(false);
        }
      },
    });
  };

  const blocked = list.data ? newBlockedReason(t, list.data) : undefined;

  return (
    <div className="page page-wide">
      <Typography.Title>{t('sd.newTitle')}</Typography.Title>
      {/* A refusal is read first, not after 2,800 px of a form that cannot be sent. */}
      {blocked && <Alert type="warning" showIcon title={blocked} className="section-tight" data-testid="new-blocked" />}
      <Typography.Paragraph>{t('sd.newIntro')}</Typography.Paragraph>
      {edition.data && (
        <Typography.Paragraph data-testid="edition-note">
          {t('sd.editionNote', { standard: edition.data.standard })}
        </Typography.Paragraph>
      )}
      <MaturityLevels />

      <section aria-labelledby="model-title" className="section">
        <Typography.Title level={2} id="model-title">{t('sd.modelTitle')}</Typography.Title>
        <fieldset className="type-choice">
          <legend>{t('sd.typeConfirm')}</legend>
          <Radio.Group value={type} disabled={!!blocked} onChange={(e) => { setType(e.target.value as EnterpriseType); setTicked(new Set()); }} optionType="button" buttonStyle="solid">
            <Radio.Button value="process">{t('register.process')}</Radio.Button>
            <Radio.Button value="discrete">{t('register.discrete')}</Radio.Button>
          </Radio.Group>
          <Typography.Paragraph type="secondary" className="type-note">
            {t('sd.typeNote', { registered: t(session.enterprise?.enterpriseType === 'process' ? 'register.process' : 'register.discrete') })}
          </Typography.Paragraph>
        </fieldset>
        <Typography.Paragraph>{t('sd.tailorIntro')}</Typography.Paragraph>
        <TranslationNotice />
        {edition.error !== undefined && <LoadError error={edition.error} onRetry={edition.reload} />}
        {edition.loading && !edition.data && <Skeleton active />}
        {edition.data && <ModelTable tree={tree} ticked={ticked} onToggle={onToggle} disabled={!!blocked} />}
      </section>

      <section aria-labelledby="notice-title" className="section notice">
        <Typography.Title level={2} id="notice-title">{t('sd.noticeTitle')}</Typography.Title>
        <ol className="notice-list">
          {NOTICE_KEYS.map((key) => <li key={key}>{t(key)}</li>)}
        </ol>
      </section>

      {list.data && <QuotaRule quota={list.data.quota} compact />}
      <div className="form-actions section-tight">
        <Button type="primary" size="large" onClick={start} loading={busy} disabled={!edition.data || !!blocked}>
          {t('sd.start')}
        </Button>
      </div>
    </div>
  );
}

export function NewSelfDiagnosisPage() {
  return <RequireAccount roles={['enterprise_user']}>{(_account, session) => <NewSelfDiagnosis session={session} />}</RequireAccount>;
}
