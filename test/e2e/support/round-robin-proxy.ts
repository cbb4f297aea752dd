// A small load balancer on 127.0.0.1 for the two-instance tests: each request goes to the next
// instance in turn; when one cannot be reached (refused, reset, or a 5xx) the request is tried on the
// next, as a real balancer's retries (and Telegram's own redelivery) would. Bounded: every instance
// twice at most, then 502.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxyTarget {
  name: string;
  port: number;
}

export interface RoundRobinProxy {
  readonly port: number;
  /** Which instance finally handled each request (by its update_id), for redelivering elsewhere. */
  readonly servedBy: Map<number, string>;
  /** Requests that had to be tried again on another instance. */
  retries: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startRoundRobinProxy(targets: readonly ProxyTarget[]): Promise<RoundRobinProxy> {
  let turn = 0;
  const servedBy = new Map<number, string>();
  const state = { retries: 0 };

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    let updateId: number | undefined;
    try {
      updateId = (JSON.parse(body.toString("utf8")) as { update_id?: number }).update_id;
    } catch {
      // Not JSON: the instance will say so.
    }
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === "string" && key !== "host" && key !== "content-length") headers[key] = value;
    const first = turn++;
    for (let attempt = 0; attempt < targets.length * 2; attempt++) {
      const target = targets[(first + attempt) % targets.length] as ProxyTarget;
      if (attempt > 0) state.retries++;
      try {
        const response = await fetch(`http://127.0.0.1:${target.port}${req.url ?? "/"}`, {
          method: req.method ?? "POST",
          headers,
          body,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        if (response.status >= 500) continue;
        if (updateId !== undefined) servedBy.set(updateId, target.name);
        res.writeHead(response.status, { "content-type": "application/json" }).end(text);
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    res.writeHead(502, { "content-type": "application/json" }).end('{"ok":false,"error":"no instance"}');
  }

  const server: Server = createServer((req, res) => {
    forward(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    servedBy,
    get retries() {
      return state.retries;
    },
    set retries(n: number) {
      state.retries = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
