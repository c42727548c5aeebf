// 能力域权重 (seed 002: 基于标准，结合行业、企业特点确定能力域权重值): the weights of 表14 (流程型) or
// 表15 (离散型) by default; the lead may set others per domain, with the reasons (依据) written down.
import { Button, Input, InputNumber, Skeleton, Space, Tag, Typography } from 'antd';
import { Fragment, useMemo, useState } from 'react';
import { api } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { percent } from '../../self-diagnosis/model-view.ts';
import { useLoad } from '../../use-load.ts';
import { formalApi } from './formal-api.ts';
import { customWeightsOf, weightRows, weightSum } from './formal-view.ts';
import { ActionError, Section, useAction, WARNING_COLOUR, type SectionProps } from './parts.tsx';

export function WeightsSection({ view, reload }: SectionProps) {
  const { t, lang } = useI18n();
  const edition = useLoad(() => api.edition(lang), [lang]);
  const action = useAction(reload);
  const [editing, setEditing] = useState(false);
  const [entered, setEntered] = useState<Record<string, number | null>>({});
  const [rationale, setRationale] = useState('');
  const [missingRationale, setMissingRationale] = useState(false);
  const type = view.application.enterpriseType === 'process' ? 'process' : 'discrete';
  const rows = useMemo(() => (edition.data ? weightRows(edition.data, type, view.weights.custom) : []), [edition.data, type, view.weights.custom]);
  const canEdit = view.actions.includes('setWeights');
  const notApplicable = new Set(view.application.notApplicable.map((n) => n.nodeId));
  const chosen = view.assessmentType === 'custom' ? new Set(view.application.customDomains.map((d) => d.domainId)) : undefined;
  const outOfScope = (id: string): string | undefined => (notApplicable.has(id) ? t('fa.weights.notApplicable') : chosen && !chosen.has(id) ? t('fa.weights.notChosen') : undefined);
  const custom = view.weights.custom !== null;

  const startEditing = () => {
    setEntered(Object.fromEntries(rows.flatMap((r) => r.domains.map((d) => [d.id, d.current]))));
    setRationale(view.weights.rationale ?? '');
    setMissingRationale(false);
    action.clear();
    setEditing(true);
  };

  const save = async () => {
    const weights = customWeightsOf(rows, entered);
    if (weights && !rationale.trim()) {
      setMissingRationale(true);
      return;
    }
    if (await action.run('save', () => formalApi.setWeights(view.id, { weights, rationale: weights ? rationale.trim() : undefined }))) setEditing(false);
  };

  const value = (id: string, fallback: number) => {
    const v = entered[id];
    return typeof v === 'number' ? v : fallback;
  };

  return (
    <Section
      id="weights"
      title={t('fa.weights.title')}
      extra={
        canEdit &&
        !editing && (
          <Space wrap>
            <Button onClick={startEditing}>{t('fa.weights.edit')}</Button>
            {custom && (
              <Button loading={action.busy === 'reset'} onClick={() => void action.run('reset', () => formalApi.setWeights(view.id, { weights: null }))}>
                {t('fa.weights.reset')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Typography.Paragraph data-testid="weights-status">
        {custom ? t('fa.weights.customInUse') : t(type === 'process' ? 'fa.weights.standardProcess' : 'fa.weights.standardDiscrete')}
      </Typography.Paragraph>
      {custom && view.weights.rationale && !editing && (
        <Typography.Paragraph>
          <strong>{t('fa.weights.rationale')}</strong>
          {t('sd.colon')}
          <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
            {view.weights.rationale}
          </span>
        </Typography.Paragraph>
      )}
      {edition.error !== undefined && <LoadError error={edition.error} onRetry={edition.reload} />}
      {edition.loading && !edition.data && <Skeleton active />}
      {edition.data && (
        <div className="model-table-wrap">
          <table className="model-table" data-testid="weights-table">
            <caption className="sr-only">{t('fa.weights.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fa.weights.colDomain')}</th>
                <th scope="col" className="num">{t('fa.weights.colStandard')}</th>
                <th scope="col" className="num">{t('fa.weights.colCurrent')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const sum = weightSum(row.domains.map((d) => (editing ? value(d.id, d.standard) : d.current)));
                return (
                  <Fragment key={row.elementId}>
                    <tr className="model-row-element">
                      <th scope="row" lang="zh-CN">
                        {row.elementName}
                      </th>
                      <td />
                      <td className="num" style={sum === 1 ? undefined : { color: WARNING_COLOUR }}>
                        {t('fa.weights.sum', { sum: percent(sum) })}
                      </td>
                    </tr>
                    {row.domains.map((d) => (
                      <tr key={d.id} className={outOfScope(d.id) ? 'model-row-domain tailored' : 'model-row-domain'}>
                        <th scope="row" className="indent-1">
                          <span lang="zh-CN">{d.name}</span>
                          {outOfScope(d.id) && (
                            <Tag style={{ marginLeft: 8, textDecoration: 'none' }}>{outOfScope(d.id)}</Tag>
                          )}
                        </th>
                        <td className="num">{percent(d.standard)}</td>
                        <td className="num">
                          {editing ? (
                            <InputNumber
                              min={0}
                              max={100}
                              step={1}
                              precision={1}
                              suffix="%"
                              value={Math.round(value(d.id, d.standard) * 1000) / 10}
                              onChange={(v) => setEntered((prev) => ({ ...prev, [d.id]: typeof v === 'number' ? Math.round(v * 10) / 1000 : null }))}
                              aria-label={t('fa.weights.inputLabel', { name: d.name })}
                              style={{ width: 110 }}
                            />
                          ) : (
                            <span style={Math.abs(d.current - d.standard) > 1e-9 ? { fontWeight: 600 } : undefined}>{percent(d.current)}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <div className="section-tight">
          <Typography.Paragraph type="secondary">{t('fa.weights.editNote')}</Typography.Paragraph>
          <label htmlFor="weights-rationale" style={{ display: 'block', fontWeight: 500, marginBottom: 6 }}>
            {t('fa.weights.rationale')}
          </label>
          <Input.TextArea
            id="weights-rationale"
            value={rationale}
            onChange={(e) => {
              setRationale(e.target.value);
              setMissingRationale(false);
            }}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            status={missingRationale ? 'error' : undefined}
            aria-invalid={missingRationale}
            aria-describedby={missingRationale ? 'weights-rationale-error' : undefined}
            placeholder={t('fa.weights.rationalePlaceholder')}
          />
          {missingRationale && (
            <div id="weights-rationale-error" role="alert" style={{ color: '#cf1322', marginTop: 4 }}>
              {t('fa.weights.rationaleRequired')}
            </div>
          )}
          <Space wrap className="section-tight">
            <Button type="primary" loading={action.busy === 'save'} onClick={() => void save()}>
              {t('form.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('form.cancel')}</Button>
          </Space>
        </div>
      )}
      <ActionError error={action.error} />
    </Section>
  );
}
