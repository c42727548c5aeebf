// SMS through Aliyun (阿里云短信服务, Dysmsapi 2017-05-25, SendSms) with its official SDK. The template
// codes and the 签名 come from the environment (env.ts); each template's variables are the message's
// params (sms.ts), e.g. 验证码 template "您的密码重置验证码为${code}，${minutes}分钟内有效". One attempt per
// message, no retries: SendSms is not idempotent, so a timeout must not become two texts.
import type { Log } from '../context.ts';
import { maskMobile, SmsSendError, type SmsSender, type SmsTemplate } from '../sms.ts';

export interface AliyunSmsSettings {
  accessKeyId: string;
  accessKeySecret: string;
  /** 短信签名, as approved, e.g. 智能制造评估平台. */
  signName: string;
  /** The approved template code (SMS_123456789) of each message. */
  templates: Record<SmsTemplate, string>;
  /** dysmsapi.aliyuncs.com, or a URL (http://host:port) of an endpoint speaking the same protocol. */
  endpoint: string;
}

export const ALIYUN_SMS_ENDPOINT = 'dysmsapi.aliyuncs.com';
const CONNECT_TIMEOUT_MS = 3_000;
const READ_TIMEOUT_MS = 5_000;

/** Aliyun's business codes that mean "too many for now" (per number per minute/hour/day, or per account). */
const THROTTLED = /LIMIT_CONTROL|Throttling/;

export async function aliyunSmsSender(settings: AliyunSmsSettings, log: Log): Promise<SmsSender> {
  // The SDK is loaded only when configured: development never pays for it.
  const [dysms, { $OpenApiUtil }] = await Promise.all([import('@alicloud/dysmsapi20170525'), import('@alicloud/openapi-core')]);
  // Node's import of this CommonJS package gives module.exports as the default; the class is its own default.
  const Client = (dysms.default as unknown as { default?: typeof dysms.default }).default ?? dysms.default;
  const url = /^https?:\/\//.test(settings.endpoint) ? new URL(settings.endpoint) : undefined;
  const client = new Client(
    new $OpenApiUtil.Config({
      accessKeyId: settings.accessKeyId,
      accessKeySecret: settings.accessKeySecret,
      endpoint: url ? url.host : settings.endpoint,
      protocol: url?.protocol === 'http:' ? 'HTTP' : 'HTTPS',
      connectTimeout: CONNECT_TIMEOUT_MS,
      readTimeout: READ_TIMEOUT_MS,
    }),
  );
  return {
    async send(_ctx, mobile, message) {
      const request = new dysms.SendSmsRequest({
        phoneNumbers: mobile,
        signName: settings.signName,
        templateCode: settings.templates[message.template],
        templateParam: JSON.stringify(message.params),
      });
      const where = { sms: { mobile: maskMobile(mobile), template: message.template, provider: 'aliyun' } };
      let body: { code?: string; message?: string; bizId?: string; requestId?: string } | undefined;
      try {
        body = (await client.sendSms(request)).body;
      } catch (err) {
        const { code = '', message: text = '' } = err as { code?: string; message?: string };
        log.warn({ ...where, providerCode: code, err: { message: text } }, 'SMS provider call failed');
        throw new SmsSendError(THROTTLED.test(code) || (err as Error).name === 'ThrottlingError' ? 'throttled' : 'unavailable', code || 'NETWORK', text);
      }
      const code = body?.code ?? '';
      if (code === 'OK') {
        log.info({ ...where, bizId: body?.bizId, requestId: body?.requestId }, 'SMS sent');
        return;
      }
      log.warn({ ...where, providerCode: code, providerMessage: body?.message, requestId: body?.requestId }, 'SMS refused by the provider');
      throw new SmsSendError(THROTTLED.test(code) ? 'throttled' : 'rejected', code || 'EMPTY_ANSWER', body?.message ?? '');
    },
  };
}
