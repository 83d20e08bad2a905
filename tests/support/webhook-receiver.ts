import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; json: any; answered: number };

/**
 * A webhook receiver on a random local port, as a company's own system would run one: it keeps
 * every request (raw body, headers) and answers each path as told — 200, an error status, or a
 * dropped connection ("down").
 */
export const startWebhookReceiver = async () => {
  const received: Received[] = [];
  /** What a path answers: a status, or 'drop' to cut the connection. Default 200. */
  const answers = new Map<string, number | 'drop'>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const answer = answers.get(path) ?? 200;
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      received.push({ path, headers: req.headers, body, json, answered: answer === 'drop' ? 0 : answer });
      if (answer === 'drop') req.socket.destroy();
      else res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    answer: (path: string, with_: number | 'drop') => answers.set(path, with_),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
