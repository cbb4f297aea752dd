// The Bot API client's HTTP requests, made with node:http(s) directly. grammY's default in Node is
// node-fetch, which builds a WHATWG Request, Headers, a body stream and a Response for every call,
// while grammY reads one thing of the answer: its JSON. In a burst that machinery was about a third
// of the bot's HTTP cost per reply (profile of the bot process, burst of 2,000 through the emulator).
// Same sockets as before (grammY's keep-alive agent for the API root, from `baseFetchConfig`), same
// requests (grammY still builds the JSON or multipart body), same errors for grammY to wrap in its
// HttpError. Responses are not asked to be compressed: Bot API answers are a few KB, and inflating
// them cost more CPU than the bytes saved.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import type { ApiClientOptions } from "grammy";

/** What grammY passes (see its core/client.js and core/payload.js). */
interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | Readable;
  agent?: http.Agent;
  signal?: {
    aborted: boolean;
    addEventListener(type: "abort", listener: () => void): void;
    removeEventListener(type: "abort", listener: () => void): void;
  };
}

/** The part of a fetch Response grammY uses. */
export interface ApiResponse {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}

/** For requests made without grammY's agent: keep-alive, as grammY's own. */
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};

/** Where a URL's requests go, parsed once: a bot calls a handful of methods on one API root. */
interface Target {
  secure: boolean;
  hostname: string;
  port: string;
  path: string;
  /** user:password from the URL (a proxy in front of a local Bot API server may want one). */
  auth?: string;
}
const targets = new Map<string, Target>();
/** Bounds the map whatever the calls (the methods a bot uses are far fewer). */
const MAX_TARGETS = 256;

function targetOf(url: string): Target {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    // [::1] in a URL is ::1 to the socket.
    const hostname = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
    target = {
      secure: parsed.protocol === "https:",
      hostname,
      port: parsed.port,
      path: parsed.pathname + parsed.search,
      ...(parsed.username
        ? { auth: `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` }
        : {}),
    };
    if (targets.size >= MAX_TARGETS) targets.clear();
    targets.set(url, target);
  }
  return target;
}

function abortError(): Error {
  const error = new Error("The operation was aborted.");
  error.name = "AbortError";
  return error;
}

function readAll(response: IncomingMessage): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      text += chunk;
    });
    response.once("error", reject);
    response.once("aborted", () => reject(new Error("the Bot API closed the connection mid-answer")));
    response.once("end", () => {
      const status = response.statusCode ?? 0;
      resolve({
        status,
        ok: status >= 200 && status < 300,
        // A promise that rejects when the text is not JSON (an HTML error page from a proxy).
        json: () => new Promise((done) => done(JSON.parse(text))),
      });
    });
  });
}

export function botApiFetch(url: string, init: RequestInit = {}): Promise<ApiResponse> {
  const { signal, body } = init;
  if (signal?.aborted) return Promise.reject(abortError());
  const { secure, ...where } = targetOf(url);
  const headers = { ...init.headers };
  if (typeof body === "string") headers["content-length"] = String(Buffer.byteLength(body));
  else if (body instanceof Uint8Array) headers["content-length"] = String(body.byteLength);
  return new Promise((resolve, reject) => {
    // Host, port and path given apart: a URL string is parsed again by every request.
    const options = {
      ...where,
      method: init.method ?? "GET",
      headers,
      agent: init.agent ?? (secure ? agents.https : agents.http),
    };
    const onAbort = () => request.destroy(abortError());
    const request = (secure ? https : http).request(options, (response) => {
      readAll(response)
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener("abort", onAbort));
    });
    request.once("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(error);
    });
    signal?.addEventListener("abort", onAbort);
    if (body === undefined || typeof body === "string" || body instanceof Uint8Array) request.end(body);
    else body.pipe(request);
  });
}

/** As grammY's client option (its type is node-fetch's signature, of which grammY uses the above). */
export const leanFetch = botApiFetch as unknown as NonNullable<ApiClientOptions["fetch"]>;
