// Channels where the bot is an admin: a post starting with /ask gets the answer as a reply post.
// Channel posts have no `from` (the channel itself is sender_chat); the chat's /lang choice still applies.
// Comments in a channel's discussion group are ordinary group messages (see ask.ts).
import { Composer } from "grammy";
import { isForAnotherBot, parseCommand } from "../addressing.ts";
import { answerQuestion, sendAskHint } from "../answering.ts";
import type { MyContext } from "../context.ts";

export const channelFeature = new Composer<MyContext>();

channelFeature.on("channel_post:text", async (ctx, next) => {
  const post = ctx.channelPost;
  const call = parseCommand(post.text, post.entities);
  if (call?.command !== "ask" || isForAnotherBot(call, ctx.me)) return next();
  if (call.args === "") return sendAskHint(ctx);
  await answerQuestion(ctx, call.args, { replyTo: post.message_id, channel: true });
});
