import { operatorSettings } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';

/** The operator's branding and contact points (one row, seeded on first run). */
export const getOperatorBranding = async (db: Queryable) => {
  const [row] = await db.select().from(operatorSettings);
  if (!row) return null;
  const { id: _id, ...branding } = row;
  return branding;
};
