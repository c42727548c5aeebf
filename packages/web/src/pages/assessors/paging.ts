// Server paging for a table: the page shown, its size, and the Table's pagination settings.
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';

export const PAGE_SIZE = 20;

export interface Paging {
  page: number;
  pageSize: number;
  /** Back to the first page: a filter changed. */
  restart: () => void;
  pagination: (total: number | undefined) => TablePaginationConfig;
}

export function usePaging(initialSize = PAGE_SIZE): Paging {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  return {
    page,
    pageSize,
    restart: () => setPage(1),
    pagination: (total) => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (count) => t('as.total', { total: count }),
      onChange: (next, size) => {
        setPage(size === pageSize ? next : 1);
        setPageSize(size);
      },
    }),
  };
}
