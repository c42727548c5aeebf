// The API of 评估结果公示 (public, no login): the results under public notice, and 提出异议.
// Types come from @cmmm/contract/certification as types only: that module builds zod schemas when loaded.
import type { objectionInputSchema, PublicNotice } from '@cmmm/contract/certification';
import type { z } from 'zod';
import { request } from '../../api.ts';

export type { PublicNotice };
export type ObjectionInput = z.infer<typeof objectionInputSchema>;

export interface NoticePage {
  items: PublicNotice[];
  total: number;
  page: number;
  pageSize: number;
}

export const noticesApi = {
  list: (page: number, pageSize: number) => request<NoticePage>('GET', `/api/public-notices?${new URLSearchParams({ page: String(page), pageSize: String(pageSize) })}`),
  /** 201 with the objection's id; 5 an hour from one address (RATE_LIMITED), only during the period (NOTICE_NOT_OPEN). */
  fileObjection: (assessmentId: string, objection: ObjectionInput) =>
    request<{ id: string; filedAt: string }>('POST', `/api/public-notices/${encodeURIComponent(assessmentId)}/objections`, objection),
};
