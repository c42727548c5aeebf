// All SQL about training courses (标准培训) and their participants.
import type { Db } from './db-types.ts';

export const findTrainingCourse = (db: Db, id: string) => db.selectFrom('training_course').selectAll().where('id', '=', id).executeTakeFirst();
