/** Self-service › UC & Mobile › Mobile porting issues. */
export const PORTING_ISSUES_PATH = '/self-service/uc-mobile/porting-issues';
