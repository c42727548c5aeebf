// 标准符合性评估: the application, 受理, the team, weights, the two plans and the pre-assessment.
import type { FastifyInstance } from 'fastify';

export function formalAssessmentRoutes(_app: FastifyInstance) {}
