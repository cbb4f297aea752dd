// /lang: the language of replies in this chat, kept in the store; "auto" forgets the choice (each
// question is answered in its own language). /lang alone shows buttons; /lang ru, /lang auto choose
// directly. In groups only admins may change it.
import { Composer } from "grammy";
import { LANGS, type Lang } from "../../content/langs.ts";
import { errorSummary } from "../../logger.ts";
import { botTexts } from "../../texts/bot.ts";
import { acknowledge, onButton } from "../buttons.ts";
import type { MyContext } from "../context.ts";
import { languageKeyboard } from "../keyboards.ts";
import { chatKey, languageFromCode } from "../language.ts";
import { isChatAdmin } from "../permissions.ts";
import { editHtml, escapeHtml, replyText } from "../send.ts";

export const langFeature = new Composer<MyContext>();

type Choice = Lang | "auto";

/** "auto", a code ("ru"; "ky" reads Russian) or a language's own name ("русский", "Türkçe"). */
function choiceOf(arg: string): Choice | undefined {
  const word = arg.trim().toLocaleLowerCase();
  if (["auto", "automatic", "авто", "автоматически", "otomatik"].includes(word)) return "auto";
  if (word === "ky") return "ru";
  return LANGS.find((l) => l === word || botTexts(l).langName.toLocaleLowerCase() === word);
}

/** Saves the choice; false when the store failed (the person is told). */
function save(ctx: MyContext, chatId: number, choice: Choice): boolean {
  try {
    ctx.deps.store.setChatLang(chatKey(ctx.deps, chatId), choice === "auto" ? null : choice);
    return true;
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: saving the chat language failed");
    return false;
  }
}

/** Said after a choice, in the language chosen (automatic: in the language of the bot's texts here). */
function confirmation(ctx: MyContext, choice: Choice): string {
  return choice === "auto"
    ? botTexts(languageFromCode(ctx.from?.language_code) ?? "en").langAutoSet
    : botTexts(choice).langSet;
}

const command = langFeature.chatType(["private", "group", "supergroup"]).command("lang");

command.filter(isChatAdmin, async (ctx) => {
  const { t } = ctx;
  ctx.note({ kind: "command", lang: ctx.lang });
  const choice = choiceOf(ctx.match);
  if (choice) {
    const failed = botTexts(choice === "auto" ? ctx.lang : choice).failure;
    const text = save(ctx, ctx.chat.id, choice) ? confirmation(ctx, choice) : failed;
    await replyText(ctx, text);
    return;
  }
  const now = ctx.chatLang ? botTexts(ctx.chatLang).langName : t.langAuto;
  await replyText(ctx, `${t.langPrompt}\n${t.langCurrent(now)}\n${t.langUsage}`, {
    keyboard: languageKeyboard(ctx.lang),
  });
});

command.use(async (ctx) => {
  ctx.note({ kind: "command", lang: ctx.lang });
  await replyText(ctx, ctx.t.langAdminsOnly);
});

onButton(langFeature, "setLang", async (ctx, { lang: choice }) => {
  const chatId = ctx.chat?.id;
  if (chatId === undefined || ctx.chat?.type === "channel") return acknowledge(ctx, ctx.t.badButton);
  if (!(await isChatAdmin(ctx))) return acknowledge(ctx, ctx.t.langAdminsOnly);
  if (!save(ctx, chatId, choice))
    return acknowledge(ctx, botTexts(choice === "auto" ? ctx.lang : choice).failure);
  if (choice !== "auto") ctx.note({ lang: choice });
  const text = confirmation(ctx, choice);
  await acknowledge(ctx, text);
  await editHtml(ctx, escapeHtml(text));
});
