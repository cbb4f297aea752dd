// The Bot API calls' way out, in one place because the order matters: grammY runs the transformer
// installed first closest to the network.
import { autoRetry } from "@grammyjs/auto-retry";
import type { Bot, Context } from "grammy";
import type { Logger } from "../logger.ts";
import { logApiFailures } from "./api-failures.ts";
import type { ReplyMarks } from "./reply-marks.ts";
import type { SendThrottle } from "./throttle.ts";

/** How long a reply is retried before it is given up (network errors: auto-retry retries them always). */
export const SEND_RETRIES = { maxRetryAttempts: 8, maxDelaySeconds: 600 } as const;

export interface SendPath {
  throttle: SendThrottle;
  logger: Logger;
  /** Shared update claims' "reply leaving" marks (several webhook instances). */
  replyMarks?: ReplyMarks | undefined;
}

export function installSendPath<C extends Context>(
  bot: Bot<C>,
  { throttle, logger, replyMarks }: SendPath,
): void {
  // Innermost: marked only when a request really goes out, not while it waits for its turn.
  if (replyMarks) bot.api.config.use(replyMarks.transformer);
  // Every attempt, retries included, keeps Telegram's pace.
  bot.api.config.use(throttle.transformer);
  // Inside auto-retry, so it logs each failed attempt.
  bot.api.config.use(logApiFailures(logger));
  // 429 (retry_after) and 5xx: wait and retry, for about a quarter of an hour (back-off from 3 s,
  // doubling, 8 times; a group's flood wait may be minutes). A reply given up on is an answer lost,
  // so giving up early costs more than a chat waiting: its later questions queue behind it anyway.
  bot.api.config.use(autoRetry(SEND_RETRIES));
}
