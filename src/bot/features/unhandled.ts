// Registered last: whatever no feature claimed. Private chats get a short hint; groups and channels get
// silence (the bot must not chatter there); button presses always get an answer so the spinner stops.
import { Composer } from "grammy";
import type { Message } from "grammy/types";
import { acknowledge } from "../buttons.ts";
import type { MyContext } from "../context.ts";
import { replyText } from "../send.ts";

export const unhandledFeature = new Composer<MyContext>();

/** Kinds of message a person sends that carry no text to read. */
const NON_TEXT: (keyof Message)[] = [
  "sticker",
  "photo",
  "voice",
  "video",
  "video_note",
  "audio",
  "animation",
  "document",
  "location",
  "venue",
  "contact",
  "poll",
  "dice",
  "story",
];

unhandledFeature.on("callback_query", async (ctx) => {
  ctx.note({ kind: "button" });
  await acknowledge(ctx, ctx.t.badButton);
});

const privateChats = unhandledFeature.chatType("private");

privateChats.on("edited_message", async (ctx) => {
  ctx.note({ kind: "ignored" });
  await replyText(ctx, ctx.t.edited);
});

privateChats.on("message", async (ctx) => {
  ctx.note({ kind: "ignored" });
  if (ctx.msg.text !== undefined) await replyText(ctx, ctx.t.unknownCommand);
  else if (NON_TEXT.some((key) => ctx.msg[key] !== undefined)) await replyText(ctx, ctx.t.nonText);
});

unhandledFeature.use((ctx) => {
  ctx.note({ kind: ctx.outcome.kind ?? "ignored" });
});
