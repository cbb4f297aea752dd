// Registered last: whatever no feature claimed. Private chats get a short hint; groups and channels get
// silence (the bot must not chatter there); button presses always get an answer so the spinner stops.
import { Composer } from "grammy";
import type { Message } from "grammy/types";
import { botTexts } from "../../texts/bot.ts";
import { acknowledge } from "../buttons.ts";
import type { MyContext } from "../context.ts";
import { uiLanguage } from "../language.ts";
import { escapeHtml, sendHtml } from "../send.ts";

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
  ctx.outcome = { ...ctx.outcome, kind: "button" };
  await acknowledge(ctx, botTexts(uiLanguage(ctx)).badButton);
});

const privateChats = unhandledFeature.chatType("private");

privateChats.on("edited_message", async (ctx) => {
  ctx.outcome = { ...ctx.outcome, kind: "ignored" };
  await sendHtml(ctx, escapeHtml(botTexts(uiLanguage(ctx)).edited));
});

privateChats.on("message", async (ctx) => {
  const t = botTexts(uiLanguage(ctx));
  ctx.outcome = { ...ctx.outcome, kind: "ignored" };
  if (ctx.msg.text !== undefined) await sendHtml(ctx, escapeHtml(t.unknownCommand));
  else if (NON_TEXT.some((key) => ctx.msg[key] !== undefined)) await sendHtml(ctx, escapeHtml(t.nonText));
});

unhandledFeature.use((ctx) => {
  ctx.outcome = { ...ctx.outcome, kind: ctx.outcome.kind ?? "ignored" };
});
