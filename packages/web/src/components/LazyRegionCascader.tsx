// 所在地区 on the register page without the whole region tree up front: the provinces first, a province's
// cities and counties when it is opened, and the whole tree once the user types a search (a county is
// found by name from any province, as with RegionCascader).
import { App, Cascader } from 'antd';
import { useMemo, useState } from 'react';
import type { RegionNode } from '../api.ts';
import { errorMessage } from '../errors.ts';
import { useI18n } from '../i18n.tsx';
import { loadProvince, loadRegions } from '../reference-data.ts';
import { matches, toOptions, type RegionOption } from './RegionCascader.tsx';

/** Form.Item passes value, onChange and the id of its label. */
export function LazyRegionCascader({ provinces, id, value, onChange }: { provinces: readonly RegionNode[]; id?: string; value?: string[]; onChange?: (value: string[]) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [tree, setTree] = useState(provinces);
  const [whole, setWhole] = useState(false);
  // The language switched: the names of the other language start again from the provinces.
  const [shown, setShown] = useState(provinces);
  if (shown !== provinces) {
    setShown(provinces);
    setTree(provinces);
    setWhole(false);
  }
  const options = useMemo(() => toOptions(tree, t('register.statisticalOnly')), [tree, t]);
  const failed = (error: unknown) => void message.error(errorMessage(error, lang, t));

  const loadData = (path: RegionOption[]) => {
    const opened = path.at(-1);
    if (path.length !== 1 || !opened) return;
    loadProvince(opened.value, lang).then((province) => setTree((nodes) => nodes.map((n) => (n.code === province.code ? province : n))), failed);
  };
  const onSearch = (text: string) => {
    if (whole || !text.trim()) return;
    loadRegions(lang).then((all) => {
      setTree(all);
      setWhole(true);
    }, failed);
  };

  return (
    <Cascader<RegionOption>
      id={id}
      value={value}
      onChange={(path) => onChange?.(path as string[])}
      options={options}
      loadData={loadData}
      placeholder={t('register.regionPlaceholder')}
      showSearch={{ filter: matches, limit: 50, onSearch }}
      expandTrigger="hover"
      popupClassName="cascader-popup"
    />
  );
}
