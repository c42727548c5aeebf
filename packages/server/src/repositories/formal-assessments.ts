// All SQL about formal assessments (标准符合性评估): the application, team, plans, pre-assessment.
import type { Db } from './db-types.ts';

export const findFormalAssessment = (db: Db, id: string) => db.selectFrom('formal_assessment').selectAll().where('id', '=', id).executeTakeFirst();
