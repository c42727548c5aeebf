// Sending SMS. A message is a template and its parameters, because the providers of mainland China only
// send templates approved in advance (with the platform's 签名); the Chinese text below is what the
// approved templates say. Development (SMS_MODE=outbox, the default) writes each message to the
// sms_outbox table, which the platform admin can read, and to the log; production sends through a
// provider (SMS_MODE=aliyun: sms/aliyun-sms.ts).
import type { ServiceContext } from './context.ts';
import { newId } from './security/tokens.ts';

export type SmsMessage =
  | { template: 'passwordReset'; params: { code: string; minutes: string } }
  | { template: 'certificateExpiry'; params: { number: string; date: string; days: string } }
  | { template: 'certificateStatus'; params: { number: string; status: string; date: string } };

export type SmsTemplate = SmsMessage['template'];
export const SMS_TEMPLATES: readonly SmsTemplate[] = ['passwordReset', 'certificateExpiry', 'certificateStatus'];

/** The text of a message as the approved template reads (the outbox shows it; providers render it themselves). */
export function smsText(message: SmsMessage): string {
  switch (message.template) {
    case 'passwordReset':
      return `【智能制造能力成熟度评估平台】您的密码重置验证码为 ${message.params.code}，${message.params.minutes} 分钟内有效。如非本人操作，请忽略本短信。`;
    case 'certificateExpiry':
      return `【智能制造能力成熟度评估】贵企业证书 ${message.params.number} 将于 ${message.params.date} 到期（还有 ${message.params.days} 天），如需保持认证请及时申请复评。`;
    case 'certificateStatus':
      return `【智能制造能力成熟度评估】贵企业证书 ${message.params.number} 的状态已于 ${message.params.date} 变更为「${message.params.status}」，详情请登录平台查看或联系评估机构。`;
  }
}

export interface SmsSender {
  /** Sends one message (the outbox writes it through `ctx`, so inside a transaction it commits with it);
   *  a provider that refuses or cannot be reached throws SmsSendError. */
  send(ctx: ServiceContext, mobile: string, message: SmsMessage): Promise<void>;
}

/**
 * Why a provider did not send: `throttled` — its own limits for the number or the account (the user
 * should wait); `rejected` — it refused this message (number, template, signature, balance);
 * `unavailable` — no usable answer (network, timeout, server error, credentials).
 */
export type SmsFailure = 'throttled' | 'rejected' | 'unavailable';

export class SmsSendError extends Error {
  constructor(
    readonly failure: SmsFailure,
    /** The provider's code (e.g. isv.BUSINESS_LIMIT_CONTROL), for the log only. */
    readonly providerCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

export function outboxSmsSender(log: { info: (obj: object, msg?: string) => void }): SmsSender {
  return {
    async send(ctx, mobile, message) {
      await ctx.repos.sms.insertOutboxMessage({ id: newId(), mobile, body: smsText(message) });
      log.info({ sms: { mobile: maskMobile(mobile), template: message.template } }, 'SMS written to the development outbox');
    },
  };
}

/** 138****1234 */
export const maskMobile = (mobile: string): string => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
