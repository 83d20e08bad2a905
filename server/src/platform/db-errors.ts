/** PostgreSQL's unique_violation, whether the driver error arrives bare or wrapped by drizzle. */
export const isUniqueViolation = (err: unknown, constraint?: string): boolean => {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: name } = e as { code?: string; constraint?: string };
    if (code === '23505') return !constraint || name === constraint || String((e as Error).message).includes(constraint);
  }
  return false;
};

/** PostgreSQL's foreign_key_violation: a row still refers to the one being removed. */
export const isForeignKeyViolation = (err: unknown): boolean => {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: string }).code === '23503') return true;
  }
  return false;
};
