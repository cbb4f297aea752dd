// Routing of inline-button presses: each feature claims the action types it handles; data that decodes
// to nothing (forged, stale, oversized) is left to the unhandled feature, which answers with a toast.
import type { Composer, Filter } from "grammy";
import { errorSummary } from "../logger.ts";
import { type ButtonAction, decodeAction } from "./callback-data.ts";
import type { MyContext } from "./context.ts";

export type ButtonContext = Filter<MyContext, "callback_query">;

export function onButton<T extends ButtonAction["type"]>(
  composer: Composer<MyContext>,
  type: T,
  handler: (ctx: ButtonContext, action: Extract<ButtonAction, { type: T }>) => Promise<unknown>,
): void {
  composer.on("callback_query:data", async (ctx, next) => {
    const action = decodeAction(ctx.callbackQuery.data);
    if (action?.type !== type) return next();
    ctx.note({ kind: "button" });
    await handler(ctx, action as Extract<ButtonAction, { type: T }>);
  });
}

/**
 * Acknowledge a press (stops the button's spinner), with an optional short toast. Telegram refuses
 * answers to presses older than about 15 s; that must not stop the reply itself.
 */
export async function acknowledge(ctx: ButtonContext, text?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text ? { text } : {});
  } catch (error) {
    ctx.logger.debug({ err: errorSummary(error) }, "answerCallbackQuery failed");
  }
}
