// 评估组 (seed 003 §8.2.2; seed 002: 1 名主任评估师 + N 名评估师, from 三级 an internal assessor): the
// members with their role, grade and conflict-of-interest declaration; the lead adds and removes
// members and forms the team (the server refuses an even team, a missing internal assessor, pending
// declarations, invalid qualifications); each member — and the enterprise for its internal assessor —
// declares.
import { App, Alert, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { formalApi, type TeamMember } from './formal-api.ts';
import { activeMembers, mayJoinTeam, topGrade } from './formal-view.ts';
import { ActionError, gradeKey, Section, teamRoleKey, useAction, Zh, type SectionProps } from './parts.tsx';

interface DeclarationValues {
  conflict: boolean;
  statement?: string;
}

function DeclarationModal({ member, forEnterprise, enterpriseName, onClose, onDeclare, busy, error }: {
  member: TeamMember;
  forEnterprise: boolean;
  enterpriseName: string;
  onClose: () => void;
  onDeclare: (values: DeclarationValues) => void;
  busy: boolean;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<DeclarationValues>();
  const conflict = Form.useWatch('conflict', form);
  return (
    <Modal
      open
      title={t(forEnterprise ? 'fa.coi.titleInternal' : 'fa.coi.title', { name: member.name })}
      okText={t('fa.coi.submit')}
      okButtonProps={{ loading: busy }}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(forEnterprise ? 'fa.coi.introInternal' : 'fa.coi.intro', { enterprise: enterpriseName })}</Typography.Paragraph>
      <Form<DeclarationValues> form={form} layout="vertical" onFinish={onDeclare} initialValues={{ conflict: false }}>
        <Form.Item name="conflict" label={t('fa.coi.choice')}>
          <Radio.Group aria-label={t('fa.coi.choice')}>
            <Space orientation="vertical">
              <Radio value={false}>{t('fa.coi.none')}</Radio>
              <Radio value>{t('fa.coi.conflict')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {conflict && (
          <Form.Item name="statement" label={t('fa.coi.statement')} extra={t('fa.coi.statementNote')} rules={[{ required: true, whitespace: true, message: t('fa.coi.statementRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
          </Form.Item>
        )}
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Modal>
  );
}

function CoiTag({ member }: { member: TeamMember }) {
  const { t } = useI18n();
  if (member.coi === 'none') return <Tag color="success">{t('fa.coi.statusNone')}</Tag>;
  if (member.coi === 'conflict') return <Tag color="error">{t('fa.coi.statusConflict')}</Tag>;
  return <Tag color="warning">{t('fa.coi.statusPending')}</Tag>;
}

function AddMember({ view, reload, onTeam }: SectionProps & { onTeam: Set<string> }) {
  const { t } = useI18n();
  const action = useAction(reload);
  const candidates = useLoad(() => formalApi.assessors({ bodyId: view.bodyId }), [view.bodyId]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // A member declares for themself: only people with a login can be on a team.
  const options = (candidates.data ?? []).filter((a) => !onTeam.has(a.id) && a.enterpriseId === null && a.accountId !== null && mayJoinTeam(a));
  const internal = view.application.internalAssessor;
  const internalMissing = internal && !onTeam.has(internal.id);
  return (
    <div className="section-tight" data-testid="add-member">
      <Space wrap>
        <label htmlFor="add-member-select">{t('fa.team.addLabel')}</label>
        <Select
          id="add-member-select"
          style={{ minWidth: 280 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={chosen}
          onChange={setChosen}
          loading={candidates.loading}
          placeholder={t('fa.apply.choosePlaceholder')}
          notFoundContent={t('fa.team.noCandidates')}
          options={options.map((a) => {
            const grade = topGrade(a.currentGrades);
            return { value: a.id, label: grade ? t('fa.apply.personWithGrade', { name: a.name, grade: t(gradeKey(grade)) }) : a.name };
          })}
        />
        <Button
          disabled={!chosen}
          loading={action.busy === 'add'}
          onClick={async () => {
            if (chosen && (await action.run('add', () => formalApi.addMember(view.id, chosen, 'member')))) setChosen(undefined);
          }}
        >
          {t('fa.team.add')}
        </Button>
        {internalMissing && (
          <Button loading={action.busy === 'internal'} onClick={() => void action.run('internal', () => formalApi.addMember(view.id, internal.id, 'internal'))}>
            {t('fa.team.addInternal', { name: internal.name })}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" className="section-tight">
        {t('fa.team.addNote')}
      </Typography.Paragraph>
      <ActionError error={action.error} />
    </div>
  );
}

export function TeamSection(props: SectionProps) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const { view, reload } = props;
  const can = (a: (typeof view.actions)[number]) => view.actions.includes(a);
  const action = useAction(reload);
  const declareAction = useAction(reload);
  const me = useLoad(() => (can('declareOwnConflict') ? formalApi.ownAssessor().catch(() => null) : Promise.resolve(null)), [can('declareOwnConflict')]);
  const [declaring, setDeclaring] = useState<{ member: TeamMember; forEnterprise: boolean } | undefined>(undefined);

  const active = activeMembers(view.team);
  const onTeam = new Set(active.map((m) => m.assessorId));
  const shown = [...view.team].sort((a, b) => Number(a.removedAt !== null) - Number(b.removedAt !== null));

  /** Who the viewer may declare for on this row. */
  const declareFor = (m: TeamMember): boolean | undefined => {
    if (m.removedAt !== null || m.coi !== 'pending') return undefined;
    if (can('declareOwnConflict') && me.data && me.data.id === m.assessorId) return false;
    if (can('declareInternalConflict') && m.teamRole === 'internal') return true;
    return undefined;
  };

  const declare = async (values: DeclarationValues) => {
    if (!declaring) return;
    // A member who declares a conflict leaves the team, and with it the assessment.
    const leaving = values.conflict && !declaring.forEnterprise;
    const done = await declareAction.run(
      'declare',
      () => formalApi.declare(view.id, declaring.member.assessorId, { conflict: values.conflict, statement: values.conflict ? values.statement?.trim() : undefined }),
      leaving
        ? () => {
            message.info(t('fa.coi.left'));
            navigate('/formal-assessments');
          }
        : undefined,
    );
    if (done) setDeclaring(undefined);
  };

  const confirmRemove = (m: TeamMember) =>
    modal.confirm({
      title: t('fa.team.removeTitle', { name: m.name }),
      okText: t('fa.team.remove'),
      okButtonProps: { danger: true },
      cancelText: t('form.cancel'),
      onOk: () => action.run(`remove-${m.assessorId}`, () => formalApi.removeMember(view.id, m.assessorId)),
    });

  const confirmReopen = () =>
    modal.confirm({
      title: t('fa.team.reopenTitle'),
      content: t('fa.team.reopenText'),
      okText: t('fa.team.reopen'),
      cancelText: t('form.cancel'),
      onOk: () => action.run('reopen', () => formalApi.reopenTeam(view.id)),
    });

  return (
    <Section id="team" title={t('fa.team.title')}>
      <Typography.Paragraph type="secondary">{t('fa.team.rule')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="team-size">{t('fa.team.size', { count: active.length })}</Typography.Paragraph>
      <Table<TeamMember>
        rowKey="assessorId"
        dataSource={shown}
        pagination={false}
        size="small"
        scroll={{ x: 720 }}
        data-testid="team-table"
        locale={{ emptyText: t('fa.team.empty') }}
        rowClassName={(m) => (m.removedAt ? 'fa-removed' : '')}
        columns={[
          {
            key: 'name',
            title: t('fa.team.colName'),
            render: (_, m) => (
              <span style={m.removedAt ? { color: 'rgba(0,0,0,0.55)' } : undefined}>
                <Zh>{m.name}</Zh>
                {m.removedAt && (
                  <>
                    {' '}
                    <Tag>{t('fa.team.removed', { date: beijingDateTime(m.removedAt) })}</Tag>
                  </>
                )}
              </span>
            ),
          },
          { key: 'role', title: t('fa.team.colRole'), render: (_, m) => t(teamRoleKey(m.teamRole)) },
          {
            key: 'grade',
            title: t('fa.team.colGrade'),
            render: (_, m) => (
              <Space size={4} wrap>
                {m.grade ? t(gradeKey(m.grade as Parameters<typeof gradeKey>[0])) : <Tag color="error">{t('fa.team.noGrade')}</Tag>}
                {!m.qualifiedOnPlannedDates && m.removedAt === null && <Tag color="warning">{t('fa.team.notQualifiedOnDates')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'coi',
            title: t('fa.team.colCoi'),
            render: (_, m) => (
              <div>
                <CoiTag member={m} />
                {m.declaredAt && <Typography.Text type="secondary">{beijingDateTime(m.declaredAt)}</Typography.Text>}
                {m.coiStatement && (
                  <div>
                    <Zh>{m.coiStatement}</Zh>
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'actions',
            title: t('fa.team.colActions'),
            render: (_, m) => {
              const forEnterprise = declareFor(m);
              return (
                <Space size="small" wrap>
                  {forEnterprise !== undefined && (
                    <Button size="small" type="primary" onClick={() => setDeclaring({ member: m, forEnterprise })}>
                      {t('fa.coi.declare')}
                    </Button>
                  )}
                  {can('editTeam') && m.removedAt === null && m.teamRole !== 'lead' && (
                    <Button size="small" danger loading={action.busy === `remove-${m.assessorId}`} onClick={() => confirmRemove(m)} aria-label={t('fa.team.removeLabel', { name: m.name })}>
                      {t('fa.team.remove')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {can('editTeam') && <AddMember {...props} onTeam={onTeam} />}
      {(can('finaliseTeam') || can('reopenTeam')) && (
        <Space wrap className="section-tight">
          {can('finaliseTeam') && (
            <Button type="primary" loading={action.busy === 'form'} onClick={() => void action.run('form', () => formalApi.formTeam(view.id))}>
              {t('fa.team.form')}
            </Button>
          )}
          {can('reopenTeam') && (
            <Button loading={action.busy === 'reopen'} onClick={confirmReopen}>
              {t('fa.team.reopen')}
            </Button>
          )}
        </Space>
      )}
      <ActionError error={action.error} testId="team-error" />
      {declaring && (
        <DeclarationModal
          member={declaring.member}
          forEnterprise={declaring.forEnterprise}
          enterpriseName={view.enterpriseName}
          onClose={() => {
            setDeclaring(undefined);
            declareAction.clear();
          }}
          onDeclare={(v) => void declare(v)}
          busy={declareAction.busy === 'declare'}
          error={declareAction.error?.message}
        />
      )}
    </Section>
  );
}
