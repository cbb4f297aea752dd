// /lang: the language of replies in this chat, kept in the store. In groups only admins may change it.
import { Composer } from "grammy";
import { errorSummary } from "../../logger.ts";
import { botTexts } from "../../texts/bot.ts";
import { acknowledge, onButton } from "../buttons.ts";
import type { MyContext } from "../context.ts";
import { languageKeyboard } from "../keyboards.ts";
import { chatKey } from "../language.ts";
import { isChatAdmin } from "../permissions.ts";
import { editHtml, escapeHtml, replyText } from "../send.ts";

export const langFeature = new Composer<MyContext>();

const command = langFeature.chatType(["private", "group", "supergroup"]).command("lang");

command.filter(isChatAdmin, async (ctx) => {
  const { t } = ctx;
  ctx.note({ kind: "command", lang: ctx.lang });
  await replyText(ctx, `${t.langPrompt}\n${t.langCurrent(t.langName)}`, { keyboard: languageKeyboard() });
});

command.use(async (ctx) => {
  ctx.note({ kind: "command", lang: ctx.lang });
  await replyText(ctx, ctx.t.langAdminsOnly);
});

onButton(langFeature, "setLang", async (ctx, { lang }) => {
  const chatId = ctx.chat?.id;
  if (chatId === undefined || ctx.chat?.type === "channel") return acknowledge(ctx, botTexts(lang).badButton);
  if (!(await isChatAdmin(ctx))) return acknowledge(ctx, ctx.t.langAdminsOnly);
  try {
    ctx.deps.store.setChatLang(chatKey(ctx.deps, chatId), lang);
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: saving the chat language failed");
    return acknowledge(ctx, botTexts(lang).failure);
  }
  ctx.note({ lang });
  await acknowledge(ctx, botTexts(lang).langSet);
  await editHtml(ctx, escapeHtml(botTexts(lang).langSet));
});
