// Pieces the pages after 等级判定 share: status tags in words with an icon (never the colour alone) for
// a response, a check, a review, an objection and a certificate; a refusal with its issues, each with
// a way to what it names; a confirmation that puts the focus back where it belongs; moving the focus.
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, ExclamationCircleFilled, MinusCircleOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { RefusalFrame } from '../formal-assessment/parts.tsx';
import type { CertificateState, ObjectionStatus, ResponseState } from './certification-view.ts';

/**
 * A form field's help under a text area that counts its characters: room kept at the end of the line,
 * where the count sits (on a phone the help would otherwise run under it).
 */
export const CountedHelp = ({ children }: { children: ReactNode }) => <span style={{ display: 'block', paddingInlineEnd: 88 }}>{children}</span>;

/** Focus an element by id (a heading or a container with tabIndex -1) after the next render, and bring it into view. */
export function focusLater(id: string): void {
  window.setTimeout(() => {
    const element = document.getElementById(id);
    if (!element) return;
    element.scrollIntoView?.({ block: 'center' });
    element.focus({ preventScroll: true });
  }, 0);
}

export const findingElementId = (requirementId: string): string => `finding-${requirementId}`;

const RESPONSE_TAGS: Record<Exclude<ResponseState, 'none'>, { colour: string; icon: ReactNode; key: MessageKey }> = {
  pending: { colour: 'warning', icon: <ClockCircleOutlined aria-hidden />, key: 'cert.response.state.pending' },
  accepted: { colour: 'success', icon: <CheckCircleFilled aria-hidden />, key: 'cert.response.state.accepted' },
  rejected: { colour: 'default', icon: <MinusCircleOutlined aria-hidden />, key: 'cert.response.state.rejected' },
};

export function ResponseStateTag({ state }: { state: ResponseState }) {
  const { t } = useI18n();
  if (state === 'none') return null;
  const tag = RESPONSE_TAGS[state];
  return (
    <Tag color={tag.colour} icon={tag.icon} data-testid="response-state" data-state={state}>
      {t(tag.key)}
    </Tag>
  );
}

/** 通过 / 未通过: the icon and the word. */
export function CheckStatus({ passed }: { passed: boolean }) {
  const { t } = useI18n();
  return (
    <span style={{ color: passed ? '#237804' : '#cf1322', fontWeight: 600, whiteSpace: 'nowrap' }} data-passed={passed}>
      {passed ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />} {t(passed ? 'cert.check.passed' : 'cert.check.failed')}
    </span>
  );
}

export function ReviewDecisionTag({ decision }: { decision: 'approved' | 'returned' }) {
  const { t } = useI18n();
  return decision === 'approved' ? (
    <Tag color="success" icon={<CheckCircleFilled aria-hidden />}>
      {t('cert.review.approved')}
    </Tag>
  ) : (
    <Tag color="warning" icon={<ExclamationCircleFilled aria-hidden />}>
      {t('cert.review.returned')}
    </Tag>
  );
}

const OBJECTION_TAGS: Record<ObjectionStatus, { colour: string; icon: ReactNode; key: MessageKey }> = {
  open: { colour: 'warning', icon: <ClockCircleOutlined aria-hidden />, key: 'cert.objection.status.open' },
  dismissed: { colour: 'default', icon: <MinusCircleOutlined aria-hidden />, key: 'cert.objection.status.dismissed' },
  upheld: { colour: 'error', icon: <ExclamationCircleFilled aria-hidden />, key: 'cert.objection.status.upheld' },
};

export function ObjectionStatusTag({ status }: { status: ObjectionStatus }) {
  const { t } = useI18n();
  const tag = OBJECTION_TAGS[status];
  return (
    <Tag color={tag.colour} icon={tag.icon} data-testid="objection-status" data-status={status}>
      {t(tag.key)}
    </Tag>
  );
}

/** A certificate's status (the registry's words); a status this client does not know by its code. */
export function CertificateStatusTag({ status }: { status: CertificateState }) {
  const { t } = useI18n();
  switch (status) {
    case 'valid':
      return (
        <Tag color="success" icon={<CheckCircleFilled aria-hidden />} data-testid="certificate-status">
          {t('registry.status.valid')}
        </Tag>
      );
    case 'suspended':
      return (
        <Tag color="warning" icon={<ExclamationCircleFilled aria-hidden />} data-testid="certificate-status">
          {t('registry.status.suspended')}
        </Tag>
      );
    case 'revoked':
      return (
        <Tag color="error" icon={<StopOutlined aria-hidden />} data-testid="certificate-status">
          {t('registry.status.revoked')}
        </Tag>
      );
    case 'expired':
      return <Tag data-testid="certificate-status">{t('registry.status.expired')}</Tag>;
    case 'superseded':
      return <Tag data-testid="certificate-status">{t('registry.status.superseded')}</Tag>;
    case 'published':
      return <Tag data-testid="certificate-status">{t('registry.status.published')}</Tag>;
    default:
      return <Tag data-testid="certificate-status">{String(status)}</Tag>;
  }
}

export interface Located {
  /** The element to focus (tabIndex -1). */
  elementId: string;
  /** What it is, for the button's accessible name. */
  name: string;
}

/**
 * A refused change: the server's message, a further explanation of our own where the code needs one,
 * and every issue the server gave, each with a button to what it names when `locate` finds it.
 */
export function IssueAlert({
  error,
  locate,
  explain,
  testId,
}: {
  error: { message: string; cause: unknown } | undefined;
  locate?: (path: string) => Located | undefined;
  explain?: (code: string) => string | undefined;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!error) return null;
  const cause = error.cause instanceof ApiError ? error.cause : undefined;
  const issues = cause ? cause.issues.filter((i, index, all) => i.message && i.message !== error.message && all.findIndex((j) => j.message === i.message) === index) : [];
  const more = cause && explain ? explain(cause.code) : undefined;
  return (
    <RefusalFrame message={error.message} testId={testId}>
      {more || issues.length ? (
        <>
          {more && <p style={{ margin: 0 }}>{more}</p>}
          {issues.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((issue) => {
                const target = locate?.(issue.path);
                return (
                  <li key={`${issue.path}-${issue.message}`}>
                    <span lang="zh-CN">{issue.message}</span>
                    {target && (
                      <Button type="link" size="small" onClick={() => focusLater(target.elementId)} aria-label={t('cert.locateOf', { name: target.name })}>
                        {t('rating.showRow')}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : undefined}
    </RefusalFrame>
  );
}

/**
 * A confirmation before a change. `run` does the change and says whether it succeeded; afterwards the
 * focus goes to `focusAfter` (a heading that stays on the page) on success, back to the button that
 * opened the dialog otherwise (or to `focusAfter` when that button is gone).
 */
export function useConfirm() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  return useCallback(
    (options: { title: string; content: ReactNode; okText: string; danger?: boolean; run: () => Promise<boolean>; focusAfter: string }) => {
      const trigger = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      let succeeded = false;
      modal.confirm({
        title: options.title,
        content: options.content,
        okText: options.okText,
        okButtonProps: options.danger ? { danger: true } : undefined,
        cancelText: t('form.cancel'),
        onOk: async () => {
          succeeded = await options.run();
        },
        afterClose: () =>
          window.setTimeout(() => {
            const target = !succeeded && trigger?.isConnected ? trigger : document.getElementById(options.focusAfter);
            target?.focus();
          }, 0),
      });
    },
    [modal, t],
  );
}
