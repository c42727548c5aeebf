// antd's providers: the language, the platform's accessible colours, no animations for readers who ask
// for reduced motion. Loaded with the first page that uses antd (the home page does not: issue 12 §4).
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from './i18n.tsx';
import { PLATFORM_PRIMARY, PRESET_TAG_TEXT, TAG_TEXT } from './theme.ts';
import { usePrefersReducedMotion } from './use-media-query.ts';

const THEME = {
  token: {
    colorPrimary: PLATFORM_PRIMARY,
    colorLink: PLATFORM_PRIMARY,
    // antd's grey help and placeholder texts are below 4.5:1 on white; darker ones pass WCAG AA.
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    // Tags keep their colours' meaning with text that reads at 4.5:1 (theme.ts): the status ones
    // (success, processing, warning, error) and the preset hues whose antd text shade is too light.
    Tag: { colorSuccess: TAG_TEXT.success, colorInfo: TAG_TEXT.processing, colorWarning: TAG_TEXT.warning, colorError: TAG_TEXT.error, ...PRESET_TAG_TEXT },
    // An empty table's text is antd's disabled grey (1.8:1); the description grey of the rest of the app instead.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' },
  },
};

export function AntdProviders({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => (reducedMotion ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME), [reducedMotion]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The routes below it, inside antd's providers (App.tsx). */
export default function WithAntd() {
  return (
    <AntdProviders>
      <Outlet />
    </AntdProviders>
  );
}
