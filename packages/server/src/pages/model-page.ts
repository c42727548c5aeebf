// The model page: levels, elements, domains, subdomains and every requirement, as plain HTML that
// works without JavaScript, with a keyboard and with a screen reader.
import type { Edition, EnterpriseType } from '@cmmm/model';
import { escapeHtml } from './html.ts';

const percent = (w: number | undefined): string => (w === undefined ? '不评估' : `${Math.round(w * 1000) / 10}%`);

function weights(edition: Edition, id: string): string {
  const type = (t: EnterpriseType, name: string) => `<span class="w">${name} ${percent(edition.weights[t][id])}</span>`;
  return `<span class="weights" aria-label="权重">${type('discrete', '离散型')}${type('process', '流程型')}</span>`;
}

export function renderModelPage(edition: Edition): string {
  const levels = edition.levels
    .map((l) => `<li><strong>${escapeHtml(l.label)}（${escapeHtml(l.name)}）</strong>：${escapeHtml(l.characteristics)}</li>`)
    .join('');
  const labels = edition.levels.map((l) => `<th scope="col">${escapeHtml(l.label)}</th>`).join('');

  const elements = edition.elements
    .map((e) => {
      const domains = e.domains
        .map((d) => {
          const subdomains = d.subdomains
            .map((s) => {
              const rows = s.items
                .map((item) => {
                  const cells = [...item.requirements]
                    .sort((a, b) => a.level - b.level)
                    .map((r) => `<td><span class="rid">${escapeHtml(r.id)}</span>${escapeHtml(r.text)}</td>`)
                    .join('');
                  return `<tr><th scope="row">${escapeHtml(item.name)}<span class="rid">${escapeHtml(item.id)}</span></th>${cells}</tr>`;
                })
                .join('');
              return `<details>
  <summary><span class="sd">${escapeHtml(s.name)}</span> <span class="rid">${escapeHtml(s.id)}</span> ${weights(edition, s.id)} <span class="count">${s.items.length} 个分项</span></summary>
  <div class="scroll" tabindex="0" role="region" aria-label="${escapeHtml(s.name)} 的成熟度要求">
  <table><caption>${escapeHtml(s.name)}的成熟度要求${s.source ? `（${escapeHtml(s.source)}）` : ''}</caption>
  <thead><tr><th scope="col">分项</th>${labels}</tr></thead><tbody>${rows}</tbody></table></div>
</details>`;
            })
            .join('\n');
          const badge = d.tailorable ? '<span class="badge opt">可裁剪</span>' : '<span class="badge req">必选</span>';
          return `<section class="domain" aria-labelledby="d-${d.id}"><h3 id="d-${d.id}">能力域：${escapeHtml(d.name)} <span class="rid">${escapeHtml(d.id)}</span> ${badge} ${weights(edition, d.id)}</h3>\n${subdomains}</section>`;
        })
        .join('\n');
      return `<section class="element" aria-labelledby="e-${e.id}"><h2 id="e-${e.id}">能力要素：${escapeHtml(e.name)} <span class="rid">${escapeHtml(e.id)}</span> ${weights(edition, e.id)}</h2>\n${domains}</section>`;
    })
    .join('\n');

  const count = edition.elements.reduce(
    (acc, e) => {
      acc.domains += e.domains.length;
      for (const d of e.domains) {
        acc.subdomains += d.subdomains.length;
        for (const s of d.subdomains) acc.items += s.items.length;
      }
      return acc;
    },
    { domains: 0, subdomains: 0, items: 0 },
  );

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>智能制造能力成熟度模型 — ${escapeHtml(edition.standard)}</title>
<style>
  :root { color: #1f1f1f; background: #fff; font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.6; }
  body { margin: 0 auto; max-width: 1200px; padding: 1rem; }
  a { color: #0b57d0; }
  a:focus, summary:focus, .scroll:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
  header { border-bottom: 3px solid #1d4ed8; margin-bottom: 1rem; }
  h1 { font-size: 1.6rem; margin: .5rem 0; }
  h2 { font-size: 1.3rem; background: #eef2ff; padding: .4rem .6rem; border-left: 6px solid #1d4ed8; }
  h3 { font-size: 1.1rem; margin: 1rem 0 .5rem; }
  .rid { color: #4b5563; font-size: .8em; font-family: ui-monospace, monospace; margin: 0 .3em; display: inline-block; }
  td .rid { display: block; margin: 0 0 .2em; }
  .weights .w { display: inline-block; font-size: .8em; font-weight: normal; border: 1px solid #9ca3af; border-radius: 4px; padding: 0 .4em; margin-left: .3em; color: #1f2937; }
  .badge { font-size: .75em; font-weight: normal; padding: .05em .5em; border-radius: 4px; color: #fff; }
  .badge.req { background: #b91c1c; } .badge.opt { background: #15803d; }
  .count { font-size: .85em; color: #4b5563; }
  details { border: 1px solid #d1d5db; border-radius: 6px; margin: .5rem 0; padding: .3rem .6rem; }
  summary { cursor: pointer; font-weight: 600; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; min-width: 900px; margin: .5rem 0; font-size: .9rem; }
  caption { text-align: left; font-weight: 600; padding: .3rem 0; }
  th, td { border: 1px solid #d1d5db; padding: .4rem; vertical-align: top; text-align: left; }
  thead th { background: #f3f4f6; }
  tbody th { width: 9em; background: #f9fafb; }
  ol.levels li { margin: .3rem 0; }
  footer { margin-top: 2rem; color: #4b5563; font-size: .9rem; }
</style>
</head>
<body>
<header>
  <p>智能制造能力成熟度评估平台</p>
  <h1>${escapeHtml(edition.title)}（${escapeHtml(edition.standard)}）</h1>
  <p>${edition.elements.length} 个能力要素，${count.domains} 个能力域，${count.subdomains} 个能力子域，${count.items} 个分项，每个分项在一级至五级各有一条成熟度要求。权重取自表14（流程型）和表15（离散型）；流程型企业不评估标为“不评估”的部分。</p>
</header>
<main>
<section aria-labelledby="levels"><h2 id="levels">成熟度等级</h2><ol class="levels">${levels}</ol>
<p>每条要求按满足程度评分：全部满足 1、大部分满足 0.8、部分满足 0.5、不满足 0。某一级得分不低于 0.8 即达到该级，从一级起逐级评估。</p></section>
${elements}
</main>
<footer>
  <p>接口：<a href="/api/editions/${escapeHtml(edition.id)}">/api/editions/${escapeHtml(edition.id)}</a>（模型 JSON）· <a href="/api/health">/api/health</a> · 评分：POST /api/score</p>
</footer>
</body>
</html>`;
}
