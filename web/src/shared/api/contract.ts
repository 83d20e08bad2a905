// The API's answer and body types, inferred from the server's zod schemas (server/src/http/contract.ts).
// Types only: Vite erases this import, so no server code reaches the browser, while a server change
// that breaks a page fails `npm run typecheck`. Never hand-write a copy of an API shape in the web.
export type * from '../../../../server/src/http/contract';
