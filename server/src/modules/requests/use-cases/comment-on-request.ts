import { AppError } from '../../../platform/app-error.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { findRequestRow, insertComment, type RequestActor } from '../requests.repository.js';
import type { Deps } from '../../../deps.js';
import { notifyFiler } from './notify-filer.js';

/**
 * A comment from either side, in any status (a question can come after the work is done). Operator
 * staff's comments are e-mailed to the administrator who filed the request; the administrator's
 * own comments appear in the back office.
 */
export const commentOnRequest = async (deps: Deps, scope: CompanyScope, actor: RequestActor, id: string, body: string) =>
  deps.db.transaction(async (tx) => {
    const row = await findRequestRow(tx, scope, id, true);
    if (!row) throw new AppError('REQUEST.NOT_FOUND');
    const comment = await insertComment(tx, scope, id, actor, body);
    if (actor.role === 'operator') await notifyFiler(tx, deps, scope, row, actor, { type: 'comment', authorName: actor.name, body });
    return comment;
  });
