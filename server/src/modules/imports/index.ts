// The imports module's public surface: an import's commit in its parts, for an import held for approval (modules/approvals).
export { cancelImport, commitImport, prepareImport, startImport, writeImport, type PreparedImport } from './use-cases/commit-import.js';
export type { UploadedFile } from './use-cases/read-import.js';
