// Logs every failed Bot API attempt of the kinds auto-retry waits out (429, 5xx, network), so the log
// tells an operator why replies are late. Installed inside auto-retry, it sees each attempt, not just
// the final outcome. Only the method and Telegram's answer are logged: never the payload or the URL,
// which carries the token.
import { HttpError, type Transformer } from "grammy";
import type { Logger } from "../logger.ts";

export function logApiFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok && (result.error_code === 429 || result.error_code >= 500)) {
        logger.warn(
          {
            method,
            code: result.error_code,
            description: result.description,
            ...(result.parameters?.retry_after !== undefined
              ? { retryAfter: result.parameters.retry_after }
              : {}),
          },
          "Bot API call failed",
        );
      }
      return result;
    } catch (error) {
      // An aborted call is our own doing (shutdown, or polling stopping), not a fault.
      if (error instanceof HttpError && !signal?.aborted) {
        logger.warn({ method, code: "network", description: error.message }, "Bot API unreachable");
      }
      throw error;
    }
  };
}
