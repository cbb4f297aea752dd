// Commands in a private chat: /start, /help, /about, /sources, /source, /topics, /ask, and the menus.
import { describe, expect, it } from "vitest";
import { commandList, setupCommands } from "../../src/bot/index.ts";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import {
  alice,
  answerableFacts,
  boris,
  botInfo,
  button,
  buttons,
  createHarness,
  current,
  firstAnswerableFact,
  inlineQuery,
  knowledge,
  messageOf,
  only,
  press,
  privateText,
  textOf,
} from "./helpers.ts";

const { kb, engine } = knowledge();

describe("/start", () => {
  it("greets in the user's language, names the article and offers three example questions", async () => {
    const h = createHarness();
    const en = only(await h.send(privateText("/start")));
    expect(textOf(en)).toContain(escapeHtml(kb.article.title));
    expect(textOf(en)).toContain(escapeHtml(kb.article.author));
    const examples = buttons(en);
    expect(examples).toHaveLength(3);
    expect(examples.map((b) => b.text)).toEqual(engine.examples("en", 3).map((e) => e.question.slice(0, 60)));

    const ru = only(await h.send(privateText("/start", boris)));
    expect(textOf(ru)).toContain(escapeHtml(botTexts("ru").startExamples));
    for (const b of buttons(ru)) expect(b.data).toMatch(/^q:.+:ru$/);
  });

  it("tolerates a deep-link payload; one that names an answer also answers it", async () => {
    const h = createHarness();
    expect(await h.send(privateText("/start some-campaign_42"))).toHaveLength(1);
    const answer = kb.answers.find((a) => a.kind === "fact") ?? kb.answers[0];
    const calls = await h.send(privateText(`/start ${answer?.id}`));
    expect(calls).toHaveLength(2);
    expect(textOf(calls[1] ?? only([]))).toContain(escapeHtml(answer?.answer.en ?? "missing"));
  });
});

describe("/help and /about", () => {
  it("/help explains private chats, groups, inline mode and the commands", async () => {
    const h = createHarness();
    const help = textOf(only(await h.send(privateText("/help"))));
    const t = botTexts("en").help;
    expect(help).toContain(escapeHtml(t.private));
    expect(help).toContain(escapeHtml(t.group));
    expect(help).toContain("@KgArticleBot");
    expect(help).toContain("/topics");
  });

  it("/about names the article and author, says it only repeats the article, and what is kept for how long", async () => {
    const h = createHarness();
    const about = textOf(only(await h.send(privateText("/about"))));
    expect(about).toContain(escapeHtml(kb.article.title));
    expect(about).toContain(escapeHtml(kb.article.author));
    expect(about).toContain("only repeat the article");
    expect(about).toContain("after 90 days");
    expect(about).toMatch(/keyed hash/);
    const ru = textOf(only(await h.send(privateText("/about", boris))));
    expect(ru).toContain("через 90 дней");
  });
});

describe("/sources and /source", () => {
  it("/sources lists all the footnotes with their links", async () => {
    const h = createHarness();
    const html = textOf(only(await h.send(privateText("/sources"))));
    for (const f of kb.footnotes) {
      expect(html).toContain(`<a href="${escapeHtml(f.url)}">`);
      expect(html).toContain(`[${f.n}]`);
    }
  });

  it("/source 3 shows footnote 3 in full; /source 9, /source x and /source alone get a clear message", async () => {
    const h = createHarness();
    const three = kb.footnoteByNumber.get(3);
    const html = textOf(only(await h.send(privateText("/source 3"))));
    expect(html).toContain(escapeHtml(three?.url ?? "missing"));
    expect(html).toContain(three?.accessed ?? "missing");
    expect(html).not.toContain(escapeHtml(kb.footnoteByNumber.get(1)?.url ?? "missing"));

    const count = kb.footnotes.length;
    const t = botTexts("en");
    expect(textOf(only(await h.send(privateText("/source 9"))))).toBe(
      escapeHtml(t.sourceMissing("9", count)),
    );
    expect(textOf(only(await h.send(privateText("/source <x>"))))).toBe(
      escapeHtml(t.sourceMissing("<x>", count)),
    );
    expect(textOf(only(await h.send(privateText("/source"))))).toBe(escapeHtml(t.sourceUsage(count)));
  });
});

describe("/topics", () => {
  it("browses topics → questions → answer by editing one message in place, with Back buttons", async () => {
    const h = createHarness();
    const list = only(await h.send(privateText("/topics")));
    const topicButtons = buttons(list);
    expect(topicButtons.length).toBeGreaterThan(1);
    const message = messageOf(list);

    const first = topicButtons[0] as { text: string; data: string };
    const topicCalls = await h.send(press(first.data, message));
    expect(topicCalls.map((c) => c.method)).toEqual(["answerCallbackQuery", "editMessageText"]);
    const topicPage = only(topicCalls, "editMessageText");
    expect(topicPage.payload.message_id).toBe(message.message_id);
    expect(textOf(topicPage)).toContain(escapeHtml(first.text));

    const question = button(topicPage, (b) => b.data.startsWith("ta:"));
    const answerPage = only(await h.send(press(question.data, current(h, message))), "editMessageText");
    expect(answerPage.payload.message_id).toBe(message.message_id);
    const id = question.data.split(":")[1] as string;
    expect(textOf(answerPage)).toContain(escapeHtml(kb.answerById.get(id)?.answer.en ?? "missing"));
    expect(buttons(answerPage).map((b) => b.data)).toEqual(
      expect.arrayContaining([`fb:+:${id}`, `fb:-:${id}`]),
    );

    const back = button(answerPage, (b) => b.text === botTexts("en").back);
    const again = only(await h.send(press(back.data, current(h, message))), "editMessageText");
    expect(textOf(again)).toBe(textOf(topicPage));
    const toTopics = button(again, (b) => b.text === botTexts("en").toTopics);
    const root = only(await h.send(press(toTopics.data, current(h, message))), "editMessageText");
    expect(textOf(root)).toBe(textOf(list));
    // Browsing sent nothing new: the chat still has the one /topics message.
    expect(h.api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });
});

describe("/ask", () => {
  it("answers the question after the command, and without one shows how to ask", async () => {
    const h = createHarness();
    const answer = answerableFacts("en")[0];
    const reply = only(await h.send(privateText(`/ask ${answer?.questions.en[0]}`)));
    expect(textOf(reply)).toContain(escapeHtml(answer?.answer.en ?? "missing"));
    const hint = textOf(only(await h.send(privateText("/ask"))));
    expect(hint).toContain("/ask ");
    expect(hint).toContain(escapeHtml(engine.examples("en", 1)[0]?.question ?? "missing"));
  });
});

describe("command menus", () => {
  it("registers private and group menus in English, Russian, Turkish, Kyrgyz (Russian list) and a default", async () => {
    const h = createHarness();
    expect(await setupCommands(h.bot)).toBe(true);
    const calls = h.api.calls.filter((c) => c.method === "setMyCommands");
    const seen = calls.map(
      (c) => `${(c.payload.scope as { type: string }).type}/${c.payload.language_code ?? "default"}`,
    );
    for (const scope of ["all_private_chats", "all_group_chats"])
      for (const lang of ["default", "en", "ru", "tr", "ky"]) expect(seen).toContain(`${scope}/${lang}`);
    for (const c of calls)
      for (const command of c.payload.commands as { command: string; description: string }[]) {
        expect(command.command).toMatch(/^[a-z]{1,32}$/);
        expect(command.description.length).toBeGreaterThan(2);
        expect(command.description.length).toBeLessThanOrEqual(256);
      }
    expect(commandList("en").map((c) => c.command)).toContain("start");
    expect(commandList("ru", "group").map((c) => c.command)).not.toContain("start");
    // Admin commands are not advertised.
    expect(
      calls.flatMap((c) => (c.payload.commands as { command: string }[]).map((x) => x.command)),
    ).not.toContain("stats");
  });

  it("a failing setMyCommands is logged as a warning and does not throw", async () => {
    const h = createHarness();
    h.bot.api.config.use(async (prev, method, payload, signal) =>
      method === "setMyCommands"
        ? { ok: false, error_code: 500, description: "Internal Server Error" }
        : prev(method, payload, signal),
    );
    expect(await setupCommands(h.bot)).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(h.logs.some((l) => l.level === 40 && /setMyCommands/.test(l.msg))).toBe(true);
  });
});

describe("per-update context", () => {
  it("reads the chat's language from the store at most once per update, and only when needed", async () => {
    const h = createHarness();
    let reads = 0;
    const getChatLang = h.store.getChatLang.bind(h.store);
    h.store.getChatLang = (key) => {
      reads++;
      return getChatLang(key);
    };
    for (const text of ["/help", "/about", "/start", "/topics", "/sources", "/lang", "who is the author?"]) {
      reads = 0;
      await h.send(privateText(text));
      expect(reads, text).toBeLessThanOrEqual(1);
    }
    reads = 0;
    await h.send(inlineQuery("who is the author?"));
    expect(reads).toBe(0);
  });
});

describe("/lang with an argument", () => {
  it("/lang ru chooses Russian, /lang auto goes back to each question's own language", async () => {
    const h = createHarness();
    const { fact, question } = firstAnswerableFact("en");
    expect(textOf(only(await h.send(privateText("/lang ru"))))).toBe(escapeHtml(botTexts("ru").langSet));
    expect(textOf(only(await h.send(privateText(question))))).toContain(escapeHtml(fact.answer.ru));
    expect(textOf(only(await h.send(privateText("/lang auto"))))).toBe(
      escapeHtml(botTexts("en").langAutoSet),
    );
    expect(textOf(only(await h.send(privateText(question))))).toContain(escapeHtml(fact.answer.en));
    expect(textOf(only(await h.send(privateText("/lang Türkçe"))))).toBe(escapeHtml(botTexts("tr").langSet));
  });

  it("/lang alone shows the choice, 'automatic' among the buttons, and how to choose by argument", async () => {
    const h = createHarness();
    const menu = only(await h.send(privateText("/lang")));
    expect(textOf(menu)).toContain(escapeHtml(botTexts("en").langCurrent(botTexts("en").langAuto)));
    expect(textOf(menu)).toContain(escapeHtml(botTexts("en").langUsage));
    const auto = button(menu, (b) => b.data === "lang:auto");
    await h.send(privateText("/lang tr"));
    expect(await h.send(press(auto.data, messageOf(menu)))).toSatisfy((calls: unknown[]) => calls.length > 0);
    expect(h.store.getChatLang(h.hash(String(alice.id)))).toBeUndefined();
  });
});

describe("the article's publication and links to answers", () => {
  it("/about counts the answers validate reports on the article and says where else it is published", async () => {
    const h = createHarness();
    const about = textOf(only(await h.send(privateText("/about"))));
    const articleAnswers = kb.answers.filter((a) => a.kind !== "bot").length;
    expect(about).toContain(`${articleAnswers} curated answers`);
    expect(about).toContain(escapeHtml(botTexts("en").alsoPublished(kb.article.alsoAvailableIn)));
    expect(about).toContain("Turkish and Russian");
    // The copy we have prints no address of its own: nothing is made up.
    expect(kb.article.url).toBe("");
    expect(about).not.toContain("The article: ");
    const sources = textOf(only(await h.send(privateText("/sources", boris))));
    expect(sources).toContain(escapeHtml(botTexts("ru").alsoPublished(kb.article.alsoAvailableIn)));
  });

  it("/source N links the answers that cite the footnote (t.me deep links that open them)", async () => {
    const h = createHarness();
    const n = kb.footnotes[0]?.n ?? 1;
    const text = textOf(only(await h.send(privateText(`/source ${n}`))));
    const citing = kb.answers.filter((a) => a.footnotes.includes(n));
    expect(citing.length).toBeGreaterThan(0);
    for (const a of citing)
      expect(text).toContain(`<a href="https://t.me/${botInfo.username}?start=${a.id}">`);
    // Following such a link is /start <id>: the answer itself.
    const [first] = citing;
    const calls = await h.send(privateText(`/start ${first?.id}`));
    expect(calls.map(textOf).join("\n")).toContain(escapeHtml(first?.answer.en ?? "?"));
  });
});
