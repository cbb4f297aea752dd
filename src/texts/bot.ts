// Every user-visible string of the Telegram bot, in English, Russian and Turkish. Handlers never
// write prose themselves. Strings are plain text: callers escape them (escapeHtml) when they add HTML,
// and facts of the article (title, author, counts) always come in as arguments, never written here.
import type { Lang } from "../content/schema.ts";

export interface StatsLine {
  answered: number;
  declined: number;
}

export interface BotTexts {
  langName: string;
  /** /start: greeting and what the bot knows. */
  start(title: string, author: string): string;
  startExamples: string;
  help: { private: string; group: string; commands: string; inline(botUsername: string): string };
  askHint(example: string): string;
  topicsHeader: string;
  topicHeader(title: string): string;
  topicEmpty: string;
  back: string;
  toTopics: string;
  sourceUsage(count: number): string;
  sourceMissing(n: string, count: number): string;
  sourceButton: string;
  shareButton: string;
  sourceHeader: string;
  /** Under /source N: the answers citing that footnote, as links that open them. */
  sourceAnswers: string;
  /** Under an answer opened from /topics: a link that opens it, to paste into a post. */
  answerLink(url: string): string;
  paragraphCitation(n: number, title: string): string;
  about(a: { title: string; author: string; footnotes: number; answers: number; days: number }): string;
  langPrompt: string;
  langCurrent(name: string): string;
  /** Said in the newly chosen language. */
  langSet: string;
  /** The automatic choice: each question's own language. */
  langAuto: string;
  langAutoSet: string;
  /** How to choose without the buttons. */
  langUsage: string;
  /** /about and /sources: the languages the publisher also prints the article in. */
  alsoPublished(langs: readonly Lang[]): string;
  articleAddress(url: string): string;
  langAdminsOnly: string;
  voteNew: string;
  voteChanged: string;
  voteSame: string;
  /** The vote could not be stored: said instead of a thank-you. */
  voteNotKept: string;
  afterDownvote: string;
  staleButton: string;
  badButton: string;
  nonText: string;
  edited: string;
  unknownCommand: string;
  failure: string;
  /** A follow-up ("when?") the last answer does not settle; its related questions follow as buttons. */
  followUpUnsettled: string;
  /** A follow-up ("and how much?") with nothing discussed before it. */
  followUpNoContext: string;
  inlineDeclineTitle: string;
  inlineSmalltalkTitle: string;
  stats(today: StatsLine, week: StatsLine, day: string): string;
  unansweredHeader(days: number): string;
  unansweredNone(days: number): string;
  /** /unanswered details, for admins: answer ids and the curator checks' reasons are shown as they are. */
  unanswered: {
    replied(lang: string): string;
    closest(id: string): string;
    notSafe: string;
    check(command: string): string;
    nothingClose: string;
    notInArticleHeader: string;
    names(name: string): string;
    noise(questions: number): string;
  };
  commands: Record<CommandName, string>;
}

export type CommandName = "start" | "help" | "ask" | "topics" | "sources" | "source" | "about" | "lang";

const ruRules = new Intl.PluralRules("ru");

/** "33 ответа", "5 ответов", "1 ответ": Russian nouns after a number take one of three forms. */
function ruCount(n: number, one: string, few: string, many: string): string {
  const form = ruRules.select(n);
  return `${n} ${form === "one" ? one : form === "few" ? few : many}`;
}

/** "Turkish and Russian", "A, B and C". */
function listOf(items: readonly string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

const EN_LANGUAGE: Record<Lang, string> = { en: "English", ru: "Russian", tr: "Turkish" };
/** After "на …": prepositional case. */
const RU_LANGUAGE: Record<Lang, string> = { en: "английском", ru: "русском", tr: "турецком" };
const TR_LANGUAGE: Record<Lang, string> = { en: "İngilizce", ru: "Rusça", tr: "Türkçe" };

const enCount = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: BotTexts = {
  langName: "English",
  start: (title, author) =>
    `Hello! I answer questions about one article: “${title}” by ${author}. ` +
    "I only repeat what the article says and cite its sources. When the article does not say, I tell you so.",
  startExamples: "Try one of these questions, or write your own:",
  help: {
    private:
      "Write a question about the article in English, Russian or Turkish (Kyrgyz is understood too). " +
      "Each answer cites its source; the buttons under it open the footnote, related questions and feedback.",
    group:
      "In groups I answer /ask followed by a question, messages that mention me, and replies to my messages. " +
      "Other chatter I leave alone.",
    commands:
      "/topics: browse the questions by topic\n/sources: the article's footnotes\n/source N: one footnote\n" +
      "/about: the article and this bot\n/lang: the language of my replies",
    inline: (bot) => `In any chat, type @${bot} and a question to post a cited answer.`,
  },
  askHint: (example) => `Write the question after the command, for example:\n/ask ${example}`,
  topicsHeader: "Topics of the article. Choose one:",
  topicHeader: (title) => `${title}: choose a question.`,
  topicEmpty: "No questions in this topic yet.",
  back: "« Back",
  toTopics: "« Topics",
  sourceUsage: (count) =>
    `Write the footnote number after the command, from 1 to ${count}: for example /source 1.`,
  sourceMissing: (n, count) =>
    `The article has no footnote “${n}”. Its footnotes are numbered 1 to ${count}.`,
  sourceButton: "📄 Source",
  shareButton: "↗️ Share",
  sourceHeader: "Source of this answer",
  sourceAnswers: "Answers that cite it (each link opens the answer):",
  answerLink: (url) => `Link to this answer: ${url}`,
  paragraphCitation: (n, title) => `“${title}”, paragraph ${n}:`,
  about: (a) =>
    `I answer questions about one article: “${a.title}” by ${a.author}. It has ` +
    `${enCount(a.footnotes, "footnote", "footnotes")}, and I know ` +
    `${enCount(a.answers, "curated answer", "curated answers")} drawn from it.\n\n` +
    "What I can do: answer what the article says, in English, Russian or Turkish, and show the source of " +
    "every answer (a footnote or the article's own paragraph).\n" +
    "What I cannot do: I only repeat the article. I do not guess, add news or give opinions; when the article " +
    "does not answer a question, I say so and suggest questions it does answer.\n\n" +
    "What I keep: the normalised text of questions I could not answer (or answered with low confidence) " +
    "and of follow-ups such as “why?”, with the answer they referred to, " +
    "with their language and chat type, so people can add answers; 👍/👎 votes under a keyed hash of your " +
    "user id, never the id itself; and this chat's language choice. No names, no message ids, no text of " +
    `questions I answered with confidence. Questions and votes are deleted after ${enCount(a.days, "day", "days")}.`,
  langPrompt: "Choose the language of my replies in this chat:",
  langCurrent: (name) => `Now: ${name}.`,
  langSet: "Done: I will reply in English in this chat.",
  langAuto: "Automatic",
  langAutoSet: "Done: in this chat I reply in the language of each question.",
  langUsage: "Or write /lang en, /lang ru, /lang tr, or /lang auto for the language of each question.",
  alsoPublished: (langs) =>
    `The publisher also publishes the article in ${listOf(
      langs.map((l) => EN_LANGUAGE[l]),
      "and",
    )}.`,
  articleAddress: (url) => `The article: ${url}`,
  langAdminsOnly: "Only the group's admins can change the language here.",
  voteNew: "Thank you for the feedback!",
  voteChanged: "Your vote is changed.",
  voteSame: "Your vote is already counted.",
  voteNotKept: "Sorry, I could not save your vote just now. Please try again later.",
  afterDownvote: "Sorry this did not help. Perhaps one of these:",
  staleButton: "This button is out of date. Please ask again or use /topics.",
  badButton: "This button does not work. Please ask again.",
  nonText: "I read text only. Please write your question as a message, or see /help.",
  edited: "I answer new messages only. Please send your corrected question again.",
  unknownCommand: "I don't know this command. /help shows what I can do.",
  failure: "Sorry, something went wrong on my side. Please try again.",
  followUpUnsettled:
    "I am not sure what that refers to after my last answer, and I would rather not guess. Perhaps one of these?",
  followUpNoContext:
    "I am not sure what that refers to: we have not discussed anything yet. Please ask a full question, for example:",
  inlineDeclineTitle: "The article does not answer this",
  inlineSmalltalkTitle: "Reply",
  stats: (today, week, day) =>
    `Questions today (${day}, UTC): ${today.answered} answered, ${today.declined} declined.\n` +
    `Last 7 days: ${week.answered} answered, ${week.declined} declined.`,
  unansweredHeader: (days) => `Most frequent declined questions, last ${days} days:`,
  unansweredNone: (days) => `No declined questions in the last ${days} days.`,
  unanswered: {
    replied: (lang) => `replied in ${lang}`,
    closest: (id) => `closest answer: ${id}`,
    notSafe: "not to add as a paraphrase:",
    check: (command) => `may fit; check it against the eval sets and add it with: ${command}`,
    nothingClose: "no answer is close: a new answer, if the article covers it",
    notInArticleHeader: "Declined because they name something the article never mentions:",
    names: (name) => `names “${name}”`,
    noise: (n) => `Left out as noise (no letters, markup only, or a single character): ${n}.`,
  },
  commands: {
    start: "Start: what I know and example questions",
    help: "How to ask me",
    ask: "Ask a question about the article",
    topics: "Browse questions by topic",
    sources: "The article's footnotes",
    source: "One footnote: /source N",
    about: "The article, this bot, and what it stores",
    lang: "Language of replies in this chat",
  },
};

const ru: BotTexts = {
  langName: "Русский",
  start: (title, author) =>
    `Здравствуйте! Я отвечаю на вопросы об одной статье: «${title}», автор ${author}. ` +
    "Я только пересказываю статью и указываю её источники. Если в статье ответа нет, я так и скажу.",
  startExamples: "Попробуйте один из этих вопросов или задайте свой:",
  help: {
    private:
      "Напишите вопрос о статье по-русски, по-английски или по-турецки (кыргызский я тоже понимаю). " +
      "У каждого ответа указан источник; кнопки под ответом открывают сноску, похожие вопросы и оценку.",
    group:
      "В группах я отвечаю на /ask с вопросом, на сообщения, где меня упомянули, и на ответы на мои сообщения. " +
      "Остальную переписку я не трогаю.",
    commands:
      "/topics: вопросы по темам\n/sources: сноски статьи\n/source N: одна сноска\n" +
      "/about: о статье и боте\n/lang: язык ответов",
    inline: (bot) => `В любом чате наберите @${bot} и вопрос, чтобы отправить ответ с источником.`,
  },
  askHint: (example) => `Напишите вопрос после команды, например:\n/ask ${example}`,
  topicsHeader: "Темы статьи. Выберите тему:",
  topicHeader: (title) => `${title}: выберите вопрос.`,
  topicEmpty: "В этой теме пока нет вопросов.",
  back: "« Назад",
  toTopics: "« Темы",
  sourceUsage: (count) => `Укажите номер сноски после команды, от 1 до ${count}: например, /source 1.`,
  sourceMissing: (n, count) => `В статье нет сноски «${n}». Сноски в ней пронумерованы от 1 до ${count}.`,
  sourceButton: "📄 Источник",
  shareButton: "↗️ Поделиться",
  sourceHeader: "Источник этого ответа",
  sourceAnswers: "Ответы, которые на неё ссылаются (ссылка открывает ответ):",
  answerLink: (url) => `Ссылка на этот ответ: ${url}`,
  paragraphCitation: (n, title) => `«${title}», абзац ${n} (оригинал на английском):`,
  about: (a) =>
    `Я отвечаю на вопросы об одной статье: «${a.title}», автор ${a.author}. В статье ` +
    `${ruCount(a.footnotes, "сноска", "сноски", "сносок")}, а я знаю ` +
    `${ruCount(a.answers, "подготовленный ответ", "подготовленных ответа", "подготовленных ответов")} по ней.\n\n` +
    "Что я умею: отвечать тем, что говорится в статье, по-русски, по-английски или по-турецки, и показывать " +
    "источник каждого ответа (сноску или абзац самой статьи).\n" +
    "Чего я не умею: я только пересказываю статью. Я не угадываю, не добавляю новостей и не высказываю мнений; " +
    "если в статье нет ответа, я так и говорю и предлагаю вопросы, на которые она отвечает.\n\n" +
    "Что я храню: нормализованный текст вопросов, на которые я не смог ответить (или ответил неуверенно), " +
    "и уточняющих вопросов вроде «почему?» вместе с ответом, к которому они относились, с их " +
    "языком и типом чата, чтобы можно было добавить ответы; оценки 👍/👎 под ключевым хешем вашего id, но не " +
    "сам id; выбранный в этом чате язык. Ни имён, ни номеров сообщений, ни текста вопросов, на которые я " +
    `уверенно ответил. Вопросы и оценки удаляются через ${ruCount(a.days, "день", "дня", "дней")}.`,
  langPrompt: "Выберите язык моих ответов в этом чате:",
  langCurrent: (name) => `Сейчас: ${name}.`,
  langSet: "Готово: в этом чате я отвечаю по-русски.",
  langAuto: "Автоматически",
  langAutoSet: "Готово: в этом чате я отвечаю на языке каждого вопроса.",
  langUsage: "Или напишите /lang en, /lang ru, /lang tr либо /lang auto — язык каждого вопроса.",
  alsoPublished: (langs) =>
    `Издатель публикует статью также на ${listOf(
      langs.map((l) => RU_LANGUAGE[l]),
      "и",
    )} языке.`,
  articleAddress: (url) => `Статья: ${url}`,
  langAdminsOnly: "Язык здесь могут менять только администраторы группы.",
  voteNew: "Спасибо за оценку!",
  voteChanged: "Ваша оценка изменена.",
  voteSame: "Ваша оценка уже учтена.",
  voteNotKept: "Извините, сейчас не получилось сохранить вашу оценку. Попробуйте позже.",
  afterDownvote: "Жаль, что ответ не помог. Может быть, один из этих:",
  staleButton: "Эта кнопка устарела. Задайте вопрос снова или откройте /topics.",
  badButton: "Эта кнопка не работает. Задайте вопрос снова.",
  nonText: "Я читаю только текст. Напишите вопрос сообщением или посмотрите /help.",
  edited: "Я отвечаю только на новые сообщения. Отправьте исправленный вопрос ещё раз.",
  unknownCommand: "Я не знаю этой команды. /help покажет, что я умею.",
  failure: "Извините, у меня что-то пошло не так. Попробуйте ещё раз.",
  followUpUnsettled:
    "Не понял, к чему это относится после моего последнего ответа, а гадать не буду. Может быть, вас интересует что-то из этого?",
  followUpNoContext:
    "Не понял, к чему это относится: мы ещё ничего не обсуждали. Задайте, пожалуйста, вопрос полностью, например:",
  inlineDeclineTitle: "В статье нет ответа на этот вопрос",
  inlineSmalltalkTitle: "Ответ",
  stats: (today, week, day) =>
    `Вопросы сегодня (${day}, UTC): отвечено ${today.answered}, без ответа ${today.declined}.\n` +
    `За 7 дней: отвечено ${week.answered}, без ответа ${week.declined}.`,
  unansweredHeader: (days) => `Частые вопросы без ответа за ${ruCount(days, "день", "дня", "дней")}:`,
  unansweredNone: (days) => `За ${ruCount(days, "день", "дня", "дней")} вопросов без ответа не было.`,
  unanswered: {
    replied: (lang) => `ответ на ${lang}`,
    closest: (id) => `ближайший ответ: ${id}`,
    notSafe: "не добавлять как перефразировку:",
    check: (command) => `возможно подходит; проверить на eval-наборах и добавить: ${command}`,
    nothingClose: "близкого ответа нет: нужен новый ответ, если статья об этом говорит",
    notInArticleHeader: "Отклонены, потому что называют то, чего нет в статье:",
    names: (name) => `называет «${name}»`,
    noise: (n) => `Отброшено как шум (нет букв, только разметка или один символ): ${n}.`,
  },
  commands: {
    start: "Начало: что я знаю и примеры вопросов",
    help: "Как задавать вопросы",
    ask: "Задать вопрос о статье",
    topics: "Вопросы по темам",
    sources: "Сноски статьи",
    source: "Одна сноска: /source N",
    about: "О статье, боте и том, что он хранит",
    lang: "Язык ответов в этом чате",
  },
};

const tr: BotTexts = {
  langName: "Türkçe",
  start: (title, author) =>
    `Merhaba! Tek bir makale hakkındaki soruları yanıtlıyorum: “${title}”, yazar: ${author}. ` +
    "Yalnızca makalenin söylediklerini aktarır ve kaynaklarını gösteririm. Makalede yanıt yoksa bunu söylerim.",
  startExamples: "Bu sorulardan birini deneyin ya da kendi sorunuzu yazın:",
  help: {
    private:
      "Makale hakkındaki sorunuzu Türkçe, İngilizce veya Rusça yazın (Kırgızcayı da anlarım). " +
      "Her yanıtın kaynağı belirtilir; altındaki düğmeler dipnotu, ilgili soruları ve geri bildirimi açar.",
    group:
      "Gruplarda /ask ve ardından gelen soruya, beni anan mesajlara ve mesajlarıma verilen yanıtlara cevap veririm. " +
      "Diğer yazışmalara karışmam.",
    commands:
      "/topics: konulara göre sorular\n/sources: makalenin dipnotları\n/source N: tek bir dipnot\n" +
      "/about: makale ve bu bot\n/lang: yanıtlarımın dili",
    inline: (bot) =>
      `Herhangi bir sohbette @${bot} ve ardından sorunuzu yazarak kaynaklı bir yanıt gönderin.`,
  },
  askHint: (example) => `Soruyu komuttan sonra yazın, örneğin:\n/ask ${example}`,
  topicsHeader: "Makalenin konuları. Birini seçin:",
  topicHeader: (title) => `${title}: bir soru seçin.`,
  topicEmpty: "Bu konuda henüz soru yok.",
  back: "« Geri",
  toTopics: "« Konular",
  sourceUsage: (count) =>
    `Komuttan sonra 1 ile ${count} arasında bir dipnot numarası yazın: örneğin /source 1.`,
  sourceMissing: (n, count) =>
    `Makalede “${n}” numaralı dipnot yok. Dipnotları 1'den ${count}'e kadar numaralıdır.`,
  sourceButton: "📄 Kaynak",
  shareButton: "↗️ Paylaş",
  sourceHeader: "Bu yanıtın kaynağı",
  sourceAnswers: "Bu dipnota dayanan yanıtlar (bağlantı yanıtı açar):",
  answerLink: (url) => `Bu yanıtın bağlantısı: ${url}`,
  paragraphCitation: (n, title) => `“${title}”, ${n}. paragraf (İngilizce asıl metin):`,
  about: (a) =>
    `Tek bir makale hakkındaki soruları yanıtlıyorum: “${a.title}”, yazar: ${a.author}. Makalede ${a.footnotes} ` +
    `dipnot var; ondan derlenmiş ${a.answers} hazır yanıt biliyorum.\n\n` +
    "Neler yapabilirim: makalenin söylediklerini Türkçe, İngilizce veya Rusça aktarır, her yanıtın kaynağını " +
    "(bir dipnot ya da makalenin kendi paragrafı) gösteririm.\n" +
    "Neler yapamam: yalnızca makaleyi aktarırım. Tahmin yürütmem, haber eklemem, görüş bildirmem; makale bir " +
    "soruyu yanıtlamıyorsa bunu söyler, yanıtladığı soruları öneririm.\n\n" +
    "Neleri saklarım: yanıtlayamadığım (ya da düşük güvenle yanıtladığım) soruların ve “neden?” gibi devam " +
    "sorularının (ilgili oldukları yanıtla birlikte) normalleştirilmiş metnini, " +
    "dilini ve sohbet türünü, yeni yanıtlar eklenebilsin diye; 👍/👎 oylarını kullanıcı kimliğinizin anahtarlı " +
    "özeti (hash) altında, kimliğin kendisini değil; bu sohbetin dil seçimini. İsim, mesaj numarası ya da güvenle " +
    `yanıtladığım soruların metni saklanmaz. Sorular ve oylar ${a.days} gün sonra silinir.`,
  langPrompt: "Bu sohbette yanıtlarımın dilini seçin:",
  langCurrent: (name) => `Şu an: ${name}.`,
  langSet: "Tamam: bu sohbette Türkçe yanıt vereceğim.",
  langAuto: "Otomatik",
  langAutoSet: "Tamam: bu sohbette her soruya kendi dilinde yanıt vereceğim.",
  langUsage: "Ya da /lang en, /lang ru, /lang tr veya her sorunun kendi dili için /lang auto yazın.",
  alsoPublished: (langs) =>
    `Yayıncı makaleyi ${listOf(
      langs.map((l) => TR_LANGUAGE[l]),
      "ve",
    )} olarak da yayımlıyor.`,
  articleAddress: (url) => `Makale: ${url}`,
  langAdminsOnly: "Burada dili yalnızca grup yöneticileri değiştirebilir.",
  voteNew: "Geri bildiriminiz için teşekkürler!",
  voteChanged: "Oyunuz değiştirildi.",
  voteSame: "Oyunuz zaten sayıldı.",
  voteNotKept: "Üzgünüm, oyunuzu şu anda kaydedemedim. Lütfen daha sonra yeniden deneyin.",
  afterDownvote: "Yardımcı olamadığım için üzgünüm. Belki bunlardan biri:",
  staleButton: "Bu düğmenin süresi geçmiş. Lütfen yeniden sorun ya da /topics kullanın.",
  badButton: "Bu düğme çalışmıyor. Lütfen yeniden sorun.",
  nonText: "Yalnızca metin okuyorum. Sorunuzu mesaj olarak yazın ya da /help'e bakın.",
  edited: "Yalnızca yeni mesajlara yanıt veriyorum. Düzelttiğiniz soruyu yeniden gönderin.",
  unknownCommand: "Bu komutu bilmiyorum. /help neler yapabildiğimi gösterir.",
  failure: "Üzgünüm, bende bir sorun oluştu. Lütfen yeniden deneyin.",
  followUpUnsettled:
    "Son yanıtımdan sonra bunun neyi kastettiğinden emin değilim ve tahmin yürütmek istemem. Şunlardan biri olabilir mi?",
  followUpNoContext:
    "Bunun neyi kastettiğinden emin değilim: henüz hiçbir şey konuşmadık. Lütfen sorunuzu tam olarak sorun, örneğin:",
  inlineDeclineTitle: "Makale bu soruyu yanıtlamıyor",
  inlineSmalltalkTitle: "Yanıt",
  stats: (today, week, day) =>
    `Bugünkü sorular (${day}, UTC): ${today.answered} yanıtlandı, ${today.declined} yanıtsız.\n` +
    `Son 7 gün: ${week.answered} yanıtlandı, ${week.declined} yanıtsız.`,
  unansweredHeader: (days) => `Son ${days} günde en sık yanıtsız kalan sorular:`,
  unansweredNone: (days) => `Son ${days} günde yanıtsız soru yok.`,
  unanswered: {
    replied: (lang) => `yanıt dili ${lang}`,
    closest: (id) => `en yakın yanıt: ${id}`,
    notSafe: "başka bir ifade olarak eklenmemeli:",
    check: (command) => `uygun olabilir; eval setlerinde denetleyip eklemek için: ${command}`,
    nothingClose: "yakın bir yanıt yok: makale bundan söz ediyorsa yeni bir yanıt gerekir",
    notInArticleHeader: "Makalenin hiç anmadığı bir şeyi adlandırdıkları için yanıtlanmayanlar:",
    names: (name) => `“${name}” adını anıyor`,
    noise: (n) =>
      `Gürültü olarak dışarıda bırakılan (harf yok, yalnızca biçimlendirme ya da tek karakter): ${n}.`,
  },
  commands: {
    start: "Başlangıç: neleri bildiğim ve örnek sorular",
    help: "Bana nasıl soru sorulur",
    ask: "Makale hakkında soru sorun",
    topics: "Konulara göre sorular",
    sources: "Makalenin dipnotları",
    source: "Tek bir dipnot: /source N",
    about: "Makale, bu bot ve sakladıkları",
    lang: "Bu sohbette yanıtların dili",
  },
};

const TEXTS: Record<Lang, BotTexts> = { en, ru, tr };

export function botTexts(lang: Lang): BotTexts {
  return TEXTS[lang];
}

/** The terminal chat's banner, for the person running the bot locally (English: it is operator text). */
export function terminalBanner(botUsername: string): string {
  return [
    "No BOT_TOKEN is set: this is a local chat with the bot, right here in the terminal.",
    "Nothing goes to Telegram. The bot answers with the same handlers it uses there.",
    "Type a question or a command (/help, /topics, /sources…); type a button's number to press it;",
    `"@${botUsername} question" tries inline mode; /quit (or Ctrl+D) leaves.`,
    "To connect to Telegram: create a bot with @BotFather, put BOT_TOKEN=<token> in .env, run npm start.",
  ].join("\n");
}

export const TERMINAL_BYE = "Bye: the local chat is closed.";
