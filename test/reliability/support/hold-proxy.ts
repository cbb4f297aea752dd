// A pass-through in front of the shim that can hold chosen Bot API calls (say, sendMessage to one chat)
// until the test releases them: a slow response whose length the test controls, so "one slow chat does
// not hold up the others" is shown by order of events rather than by timing. Loopback only.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Hold {
  /** Resolves when a matching call has arrived and is being held. */
  readonly arrived: Promise<void>;
  release(): void;
}

interface PendingHold {
  match: (method: string, payload: Record<string, unknown>) => boolean;
  arrived: () => void;
  released: Promise<void>;
  release: () => void;
  taken: boolean;
}

export class HoldProxy {
  private server: Server | undefined;
  private baseUrl = "";
  private readonly holds: PendingHold[] = [];
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly upstream: string) {}

  get url(): string {
    return this.baseUrl;
  }

  /** Holds the next call that matches, until `release()` (or close). */
  hold(match: (method: string, payload: Record<string, unknown>) => boolean): Hold {
    let arrived!: () => void;
    let release!: () => void;
    const arrivedPromise = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ match, arrived, released, release, taken: false });
    return { arrived: arrivedPromise, release };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.forward(req)
        .then(({ status, body, type }) => {
          if (res.destroyed) return;
          res.writeHead(status, { "content-type": type });
          res.end(body);
        })
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async forward(req: IncomingMessage): Promise<{ status: number; body: Buffer; type: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? "")?.[1] ?? "";
    let payload: Record<string, unknown> = {};
    try {
      payload = JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown>;
    } catch {
      // not JSON: nothing to match on
    }
    const hold = this.holds.find((h) => !h.taken && h.match(method, payload));
    if (hold) {
      hold.taken = true;
      hold.arrived();
      await hold.released;
    }
    // A bot that gives up on a long poll (shutdown) closes its socket: stop waiting upstream too.
    const abort = new AbortController();
    this.inFlight.add(abort);
    req.socket.once("close", () => abort.abort());
    try {
      const response = await fetch(`${this.upstream}${req.url ?? ""}`, {
        method: req.method ?? "POST",
        headers: { "content-type": String(req.headers["content-type"] ?? "application/json") },
        ...(req.method === "GET" || req.method === "HEAD" ? {} : { body: new Uint8Array(body) }),
        signal: abort.signal,
      });
      return {
        status: response.status,
        body: Buffer.from(await response.arrayBuffer()),
        type: response.headers.get("content-type") ?? "application/json",
      };
    } finally {
      this.inFlight.delete(abort);
    }
  }

  async close(): Promise<void> {
    for (const h of this.holds) h.release();
    for (const a of this.inFlight) a.abort();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
