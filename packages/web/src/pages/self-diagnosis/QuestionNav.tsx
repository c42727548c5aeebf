// The 题目导航 (seed 001 §1.4): 要素 → 能力域 → 能力子域 with answered/total; on a phone a selector.
import { CheckCircleFilled } from '@ant-design/icons';
import { Select } from 'antd';
import type { Questionnaire } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { isComplete, type LevelProgress, type Progress } from '../../self-diagnosis/progress.ts';

function Count({ p }: { p: Progress | undefined }) {
  if (!p) return null;
  return (
    <span className={`qnav-count${isComplete(p) ? ' done' : ''}`} aria-hidden>
      {isComplete(p) && <CheckCircleFilled />} {p.answered}/{p.total}
    </span>
  );
}

interface NavProps {
  questionnaire: Questionnaire;
  progress: LevelProgress;
  current: string | undefined;
  onSelect: (subdomainId: string) => void;
}

export function QuestionNavTree({ questionnaire, progress, current, onSelect }: NavProps) {
  const { t, lang } = useI18n();
  const status = (p: Progress | undefined) => (p ? t('sd.navProgress', { answered: p.answered, total: p.total }) : '');
  return (
    <nav aria-label={t('sd.navLabel')} className="qnav" data-testid="question-nav">
      <ul className="qnav-elements">
        {questionnaire.elements.map((element) => (
          <li key={element.id} className="qnav-element">
            <div className="qnav-element-name">
              <span lang={lang}>{element.name}</span>
              <Count p={progress.nodes.get(element.id)} />
              <span className="sr-only">{status(progress.nodes.get(element.id))}</span>
            </div>
            <ul>
              {element.domains.map((domain) => {
                const single = domain.subdomains.length === 1 && domain.subdomains[0]?.name === domain.name;
                return (
                  <li key={domain.id} className="qnav-domain">
                    {!single && (
                      <div className="qnav-domain-name">
                        <span lang={lang}>{domain.name}</span>
                        <Count p={progress.nodes.get(domain.id)} />
                        <span className="sr-only">{status(progress.nodes.get(domain.id))}</span>
                      </div>
                    )}
                    <ul>
                      {domain.subdomains.map((sub) => {
                        const p = progress.nodes.get(sub.id);
                        return (
                          <li key={sub.id}>
                            <button
                              type="button"
                              className={`qnav-sub${sub.id === current ? ' current' : ''}${single ? ' single' : ''}`}
                              aria-current={sub.id === current ? 'step' : undefined}
                              onClick={() => onSelect(sub.id)}
                              data-testid={`nav-${sub.id}`}
                            >
                              <span lang={lang}>{sub.name}</span>
                              <Count p={p} />
                              <span className="sr-only">{status(p)}</span>
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** On a phone: one selector of every subdomain, with its path and progress. */
export function QuestionNavSelect({ questionnaire, progress, current, onSelect }: NavProps) {
  const { t, lang } = useI18n();
  const options = questionnaire.elements.map((element) => ({
    label: <span lang={lang}>{element.name}</span>,
    title: element.name,
    options: element.domains.flatMap((domain) =>
      domain.subdomains.map((sub) => {
        const p = progress.nodes.get(sub.id);
        const name = domain.name === sub.name ? sub.name : `${domain.name} · ${sub.name}`;
        return { value: sub.id, label: `${name}  ${p ? `${p.answered}/${p.total}` : ''}${isComplete(p) ? ' ✓' : ''}` };
      }),
    ),
  }));
  return (
    <div className="qnav-select">
      <label htmlFor="qnav-select" className="qnav-select-label">
        {t('sd.navLabel')}
      </label>
      <Select id="qnav-select" value={current} onChange={onSelect} options={options} style={{ width: '100%' }} data-testid="question-nav-select" />
    </div>
  );
}
