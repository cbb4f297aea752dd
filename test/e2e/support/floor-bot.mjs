// The floor for `npm run bench:load`: the least a grammY bot can do per message with the same grammy
// and runner as the project. Every text message gets one fixed ~1 KB HTML reply with three buttons,
// as a reply to the message (so the load driver can match it in groups). Plain JavaScript: nothing to
// transpile. Reads BOT_TOKEN and TELEGRAM_API_ROOT; stops on SIGTERM.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const paragraph =
  "<b>Kyrgyzstan</b> balances its ties with Russia, China, the United States and the European Union; " +
  "the article calls this a <i>multi-vector</i> policy and cites its sources in four footnotes. ";
const REPLY = `${paragraph.repeat(4)}\n<a href="https://example.org/source">Source</a>`.slice(0, 1024);
const KEYBOARD = {
  inline_keyboard: [
    [
      { text: "👍", callback_data: "v:up" },
      { text: "👎", callback_data: "v:down" },
    ],
    [{ text: "More", callback_data: "more" }],
  ],
};

const bot = new Bot(process.env.BOT_TOKEN ?? "", {
  client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? "https://api.telegram.org" },
});
bot.on("message:text", (ctx) =>
  ctx.reply(REPLY, {
    parse_mode: "HTML",
    reply_markup: KEYBOARD,
    reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
  }),
);
bot.catch(() => undefined);

const runner = run(bot);
const stop = () => {
  if (runner.isRunning()) void runner.stop().then(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
