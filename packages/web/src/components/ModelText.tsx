// The model's text in English (issue 12 §7): names, level characteristics and requirement texts come from
// the API in the reader's language; in English they are an unofficial translation, so pages carry its
// notice near the model text, and each requirement offers its Chinese original on demand. Anything shown
// in Chinese is marked lang="zh-CN" (screen readers switch voice; the English pages' test skips it).
// No antd here: the home page shows the notice (issue 12 §4).
import { useId, useState } from 'react';
import { useI18n } from '../i18n.tsx';

/** "Unofficial translation — the Chinese text is authoritative": shown in English only, as a note. */
export function TranslationNotice({ detail = false }: { detail?: boolean }) {
  const { t, lang } = useI18n();
  if (lang !== 'en') return null;
  return (
    <div role="note" className="notice notice-info page-note translation-notice" data-testid="translation-notice">
      <div className="notice-body">
        <p className="notice-title">{t('model.translationNotice')}</p>
        {detail && <p className="notice-text">{t('model.translationDetail')}</p>}
      </div>
    </div>
  );
}

/** "Show original (中文)": a toggle revealing a requirement's Chinese text, in English only and when the API sent it. */
export function ShowOriginal({ zh }: { zh: string | undefined }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (lang !== 'en' || !zh) return null;
  return (
    <div className="show-original">
      <button type="button" className="link-button show-original-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} data-testid="show-original">
        {open ? t('model.hideOriginal') : t('model.showOriginal')} (<span lang="zh-CN">中文</span>)
      </button>
      <p id={id} hidden={!open} className="original-text" lang="zh-CN">
        {zh}
      </p>
    </div>
  );
}
