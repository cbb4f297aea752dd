// The Bot API client's own HTTP requests (botApiFetch) through grammY's Api, against a real HTTP
// server on 127.0.0.1: what grammY sends arrives as sent, answers and failures reach the caller as
// they would through node-fetch (results, GrammyError, HttpError), and an abort ends a held request.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leanFetch } from "../../src/transports/bot-api-fetch.ts";

const TOKEN = "123456:test-token-for-the-fetch-test";

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

let server: Server;
let apiRoot: string;
const seen: Seen[] = [];
/** How the server answers the next request (by Bot API method). */
let answer: (method: string, res: ServerResponse) => void;

const json = (res: ServerResponse, status: number, value: unknown) => {
  const text = JSON.stringify(value);
  // Written in two pieces, one cut inside a multi-byte character: the client must put them together.
  const bytes = Buffer.from(text);
  res.writeHead(status, { "content-type": "application/json", "content-length": bytes.length });
  const cut = text.indexOf("ы") >= 0 ? Buffer.from(text.slice(0, text.indexOf("ы"))).length + 1 : 1;
  res.write(bytes.subarray(0, cut));
  setTimeout(() => res.end(bytes.subarray(cut)), 5);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      seen.push({ method: req.method ?? "", path, headers: req.headers, body: Buffer.concat(chunks) });
      answer(path.split("/").at(-1) ?? "", res);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const api = () => new Api(TOKEN, { apiRoot, fetch: leanFetch });

describe("botApiFetch", () => {
  it("sends grammY's JSON as it is and returns the result, multi-byte text intact", async () => {
    answer = (_m, res) =>
      json(res, 200, {
        ok: true,
        result: { message_id: 7, date: 0, chat: { id: 5, type: "private" }, text: "Кыргызстан ыр" },
      });
    const sent = await api().sendMessage(5, "Кыргызстан <b>ыр</b>", { parse_mode: "HTML" });
    expect(sent.text).toBe("Кыргызстан ыр");
    const request = seen.at(-1) as Seen;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(Number(request.headers["content-length"])).toBe(request.body.length);
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({
      chat_id: 5,
      text: "Кыргызстан <b>ыр</b>",
      parse_mode: "HTML",
    });
  });

  it("keeps the API root's path and its user:password (a proxy in front of a local Bot API server)", async () => {
    answer = (_m, res) => json(res, 200, { ok: true, result: { id: 1, is_bot: true, first_name: "B" } });
    const root = apiRoot.replace("http://", "http://relay:p%40ss@");
    await new Api(TOKEN, { apiRoot: `${root}/tg`, fetch: leanFetch }).getMe();
    const request = seen.at(-1) as Seen;
    expect(request.path).toBe(`/tg/bot${TOKEN}/getMe`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("relay:p@ss").toString("base64")}`);
  });

  it("reuses its connection from one call to the next (keep-alive)", async () => {
    answer = (_m, res) => json(res, 200, { ok: true, result: true });
    const ports = new Set<number | undefined>();
    const track = (socket: { remotePort?: number }) => ports.add(socket.remotePort);
    server.on("connection", track);
    try {
      const client = api();
      for (let i = 0; i < 3; i++) await client.deleteWebhook();
    } finally {
      server.off("connection", track);
    }
    expect(ports.size).toBeLessThanOrEqual(1);
  });

  it("hands Telegram's refusal to grammY as a GrammyError", async () => {
    answer = (_m, res) =>
      json(res, 400, { ok: false, error_code: 400, description: "Bad Request: chat not found" });
    const failure = await api()
      .sendMessage(5, "hello")
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GrammyError);
    expect((failure as GrammyError).description).toBe("Bad Request: chat not found");
  });

  it("turns an answer that is not JSON (a proxy's error page) into an HttpError", async () => {
    answer = (_m, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    };
    await expect(api().sendMessage(5, "hello")).rejects.toBeInstanceOf(HttpError);
  });

  it("turns a refused connection into an HttpError without the token in its message", async () => {
    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, "close");
    const failure = await new Api(TOKEN, { apiRoot: `http://127.0.0.1:${port}`, fetch: leanFetch })
      .getMe()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HttpError);
    expect(String((failure as Error).message)).not.toContain(TOKEN);
  });

  it("ends a held request when its signal aborts", async () => {
    let held: ServerResponse | undefined;
    answer = (_m, res) => {
      held = res;
    };
    const controller = new AbortController();
    const call = api().getUpdates({ timeout: 30 }, controller.signal as never);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - started).toBeLessThan(1000);
    held?.destroy();
  });

  it("uploads a file as multipart form data", async () => {
    answer = (_m, res) =>
      json(res, 200, { ok: true, result: { message_id: 8, date: 0, chat: { id: 5, type: "private" } } });
    const bytes = Buffer.from("file bytes: Кыргызстан\n");
    await api().sendDocument(5, new InputFile(bytes, "notes.txt"));
    const request = seen.at(-1) as Seen;
    expect(request.path).toBe(`/bot${TOKEN}/sendDocument`);
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body.includes(bytes)).toBe(true);
    expect(request.body.toString("utf8")).toContain("filename=notes.txt");
  });
});
