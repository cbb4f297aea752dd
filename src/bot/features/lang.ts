// /lang: the language of replies in this chat, kept in the store. In groups only admins may change it
// (an anonymous admin writes as the group itself, sender_chat = the chat, and counts as an admin).
import { Composer } from "grammy";
import { botTexts } from "../../texts/bot.ts";
import { acknowledge, onButton } from "../buttons.ts";
import type { MyContext } from "../context.ts";
import { languageKeyboard } from "../keyboards.ts";
import { chatKey, errorSummary, uiLanguage } from "../language.ts";
import { editHtml, escapeHtml, replyInGroups, sendHtml } from "../send.ts";

export const langFeature = new Composer<MyContext>();

export async function isChatAdmin(ctx: MyContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === "private") return true;
  if (ctx.message?.sender_chat?.id === chat.id) return true;
  if (!ctx.from) return false;
  try {
    const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
    return member.status === "administrator" || member.status === "creator";
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "getChatMember failed: treating the user as not an admin");
    return false;
  }
}

langFeature.chatType(["private", "group", "supergroup"]).command("lang", async (ctx) => {
  const lang = uiLanguage(ctx);
  const t = botTexts(lang);
  ctx.outcome = { ...ctx.outcome, kind: "command", lang };
  if (!(await isChatAdmin(ctx))) {
    await sendHtml(ctx, escapeHtml(t.langAdminsOnly), replyInGroups(ctx));
    return;
  }
  await sendHtml(ctx, escapeHtml(`${t.langPrompt}\n${t.langCurrent(t.langName)}`), {
    keyboard: languageKeyboard(),
    ...replyInGroups(ctx),
  });
});

onButton(langFeature, "setLang", async (ctx, { lang }) => {
  const chatId = ctx.chat?.id;
  if (chatId === undefined || ctx.chat?.type === "channel") return acknowledge(ctx, botTexts(lang).badButton);
  if (!(await isChatAdmin(ctx))) return acknowledge(ctx, botTexts(uiLanguage(ctx)).langAdminsOnly);
  try {
    ctx.deps.store.setChatLang(chatKey(ctx, chatId), lang);
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: saving the chat language failed");
    return acknowledge(ctx, botTexts(lang).failure);
  }
  ctx.outcome = { ...ctx.outcome, lang };
  await acknowledge(ctx, botTexts(lang).langSet);
  await editHtml(ctx, escapeHtml(botTexts(lang).langSet));
});
