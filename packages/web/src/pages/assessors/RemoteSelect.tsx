// A select that searches the server as one types (bodies, enterprises, people): the chosen option
// keeps its label while the results change.
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';

export interface RemoteOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface Props<T> {
  load: (q: string) => Promise<T[]>;
  option: (item: T) => RemoteOption;
  /** From Form.Item: the label's target, the value and its change. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined, item: T | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
  allowClear?: boolean;
  /** Reload when these change (a filter outside the search text). */
  deps?: readonly unknown[];
  style?: CSSProperties;
}

export function RemoteSelect<T>({ load, option, id, value, onChange, placeholder, allowClear, deps = [], style, ...rest }: Props<T>) {
  const { t, lang } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useLoad(() => load(q), [q, ...deps]);
  const seen = useRef(new Map<string, { item: T; option: RemoteOption }>());
  const options = (found.data ?? []).map((item) => {
    const o = option(item);
    seen.current.set(o.value, { item, option: o });
    return o;
  });
  const chosen = value === undefined ? undefined : seen.current.get(value);
  if (chosen && !options.some((o) => o.value === value)) options.unshift(chosen.option);

  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={(next) => {
        setTyped('');
        onChange?.(next, next === undefined ? undefined : seen.current.get(next)?.item);
      }}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      notFoundContent={found.loading ? <Spin size="small" /> : found.error !== undefined ? errorMessage(found.error, lang, t) : t('as.nothingFound')}
      style={style ?? { width: '100%' }}
    />
  );
}
