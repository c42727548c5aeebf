// 评估机构, 评估人员 and their qualifications, 标准培训, certificates held, and the public 信息查询.
import type { FastifyInstance } from 'fastify';

export function assessorRoutes(_app: FastifyInstance) {}
