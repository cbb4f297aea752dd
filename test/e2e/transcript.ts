// Prints a short transcript of each Telegram flow, played against the real bot process through the
// local emulator (127.0.0.1): `npx tsx test/e2e/transcript.ts`. For reading, not asserting — the
// e2e tests assert the same flows.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { killAllBots, startBot } from "./support/bot-process.ts";
import { type BotMessage, TelegramWorld, type TestChat } from "./support/emulator.ts";

const TOKEN = "7000009:transcript-token_ABCdefGHIjklMNOpqr";
const WIDTH = 400;

function show(message: BotMessage, label = "bot"): void {
  const text = message.text.length > WIDTH ? `${message.text.slice(0, WIDTH)}…` : message.text;
  const reply = message.replyTo !== undefined ? ` (reply to #${message.replyTo})` : "";
  console.log(`  ${label} #${message.messageId}${reply}: ${text.replace(/\n+/g, " ⏎ ")}`);
  const buttons = message.buttons.flat().map((b) => `[${b.text}]`);
  if (buttons.length > 0) console.log(`      buttons: ${buttons.join(" ")}`);
}

async function say(chat: TestChat, text: string, extra?: Record<string, unknown>): Promise<number> {
  const { messageId } = await chat.say(text, extra);
  console.log(`  user #${messageId}: ${text}`);
  return messageId;
}

async function main(): Promise<void> {
  const world = await TelegramWorld.start(TOKEN);
  const bot = startBot({
    env: {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: world.apiRoot,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "transcript-")), "bot.sqlite"),
    },
  });
  try {
    await bot.waitForLog((l) => l.msg === "long polling started", 60_000);
    const me = world.botUsername;

    console.log("\n== private: /start, a question, a button, the Source button");
    const alice = world.privateChat(11, { languageCode: "en" });
    await say(alice, "/start");
    const greeting = await alice.reply();
    show(greeting);
    await say(alice, "Who did Kulubaev meet on 23 March 2023?");
    const answer = await alice.reply();
    show(answer);
    console.log("  user presses [📄 Source]");
    await alice.press(answer, "📄 Source");
    show(await alice.reply());

    console.log("\n== private: decline");
    await say(alice, "Who won the 2022 FIFA World Cup final?");
    show(await alice.reply());

    console.log("\n== private: Russian and Turkish");
    const boris = world.privateChat(12, { languageCode: "ru" });
    await say(boris, "Когда Жапаров посетит Китай?");
    show(await boris.reply());
    const deniz = world.privateChat(13, { languageCode: "tr" });
    await say(deniz, "Kulubayev 23 Mart 2023'te kimle görüştü?");
    show(await deniz.reply());

    console.log("\n== /sources, /topics (edited in place)");
    await say(alice, "/sources");
    show(await alice.reply());
    await say(alice, "/topics");
    const menu = await alice.reply();
    show(menu);
    const first = menu.buttons[0]?.[0]?.text ?? "";
    console.log(`  user presses [${first}]`);
    await alice.press(menu, { row: 0, column: 0 });
    const page = await alice.current(menu.messageId, (m) => m.text !== menu.text);
    show(page, "bot ✎");
    console.log(`  user presses [${page.buttons[0]?.[0]?.text}]`);
    await alice.press(page, { row: 0, column: 0 });
    show(await alice.current(menu.messageId, (m) => m.text !== page.text), "bot ✎");

    console.log("\n== group: chatter, /ask for another bot, /ask, mention, reply to the bot");
    const group = world.group(-100500, 21, { languageCode: "en" });
    await say(group, "Anyone watching the football tonight?");
    await say(group, "/ask@SomeOtherBot who is Kulubaev?");
    await say(group, "/ask What did Japan and Kyrgyzstan agree?");
    const replies = await group.replies(1);
    console.log(`  (${replies.length} bot message for 3 user messages)`);
    for (const m of replies) show(m);
    await say(group, `@${me} When will Zhaparov visit Beijing?`);
    const mention = await group.reply();
    show(mention);
    const { messageId } = await group.replyTo(mention, "Who announced it?");
    console.log(`  user #${messageId} (reply to #${mention.messageId}): Who announced it?`);
    show(await group.reply());

    console.log("\n== inline query (injected through the shim)");
    world.inject({
      inline_query: {
        id: "iq-transcript",
        from: { id: 31, is_bot: false, first_name: "Editor", language_code: "en" },
        query: "japan grant",
        offset: "",
      },
    });
    const call = await world.shim.waitForCall(
      (c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === "iq-transcript",
    );
    const results = call.payload.results as {
      title: string;
      input_message_content: { message_text: string };
    }[];
    console.log(`  user types: @${me} japan grant`);
    console.log(`  answerInlineQuery: ${results.length} result(s), cache_time ${call.payload.cache_time}`);
    for (const r of results.slice(0, 3)) console.log(`    • ${r.title}`);
    const posted = results[0]?.input_message_content.message_text ?? "";
    console.log(`    first result posts: ${posted.slice(0, WIDTH).replace(/\n+/g, " ⏎ ")}…`);

    console.log("\n== SIGTERM");
    const exit = await bot.stop("SIGTERM");
    console.log(`  exit code ${exit.code} after ${exit.ms} ms`);
    console.log(`  Telegram would have refused ${world.shim.rejectedCalls().length} call(s)`);
  } finally {
    await killAllBots();
    await world.close();
  }
}

await main();
