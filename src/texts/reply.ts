// Every user-visible string of a reply, per language, in one place. Placeholders are filled by the
// renderer; the renderer escapes every value it puts in, so these strings hold no markup.
import type { Detail, Lang } from "../content/schema.ts";

export interface ReplyTexts {
  /** Heading of the supporting passage, quoted in the language the article prints it in. */
  quoteLabel: (paragraph: number, original: Lang) => string;
  /** Under long evidence cut to its first quote: the rest is behind the Source button. */
  moreQuotes: (n: number) => string;
  sourceLabel: string;
  sourcesLabel: string;
  footnote: (n: number) => string;
  accessed: (date: string) => string;
  /** Our translation of a footnote title, marked as ours. */
  translation: (text: string) => string;
  noFootnote: (paragraph: number) => string;
  /** Replies about the bot itself rest on no passage of the article. */
  aboutTheBot: string;
  /** Under an answer from the article's page (its header), not its text. */
  fromThePage: string;
  alsoMean: string;
  /** Opens a hedged answer: the best match, not a sure one; the answer's own question says what it answers. */
  hedge: (question: string) => string;
  declineOutOfScope: (name: string) => string;
  declineWeak: string;
  /** A question about one name as a whole that several answers speak of (they follow). */
  declineBroad: (name: string) => string;
  /** A near miss: the matched answer lacks the detail asked for (see DETAILS). */
  declineLacks: Record<Detail, string>;
  /** Heading of the answer offered after declineLacks. */
  whatItSays: string;
  /** A decline with related answers: the question may be one of them, worded in a way not understood. */
  declineClose: string;
  declineEmpty: string;
  suggestionsHeader: string;
  /** Heading of related answers offered after declineClose. */
  didYouMean: string;
  /** Heading of the list of footnotes; the count comes from content/footnotes.yaml. */
  allSources: (count: number) => string;
  /** Marks a quote shortened to fit Telegram's message limit. */
  shortened: string;
}

export const REPLY_TEXTS: Record<Lang, ReplyTexts> = {
  en: {
    quoteLabel: (p, original) =>
      original === "en"
        ? `From the article (paragraph ${p}):`
        : `From the article (paragraph ${p}, in Turkish):`,
    moreQuotes: (n) => `${n} more sentence${n === 1 ? "" : "s"} of this paragraph: see Source.`,
    sourceLabel: "Source:",
    sourcesLabel: "Sources:",
    footnote: (n) => `footnote ${n}`,
    accessed: (d) => `accessed ${d}`,
    translation: (t) => `translation: ${t}`,
    noFootnote: (p) => `From the article, paragraph ${p} (no footnote)`,
    aboutTheBot: "This is about the bot itself, not a fact from the article.",
    fromThePage: "Source: the article's page (its header), not the article's text.",
    alsoMean: "You may also mean:",
    hedge: (q) => `I think you are asking about this: “${q}” If not, please ask in other words.`,
    declineOutOfScope: (name) =>
      `The article does not mention ${name}, so I cannot answer that without guessing.`,
    declineWeak: "The article does not answer this question, and I would rather not guess.",
    declineBroad: (name) => `The article speaks of ${name} in several places.`,
    declineLacks: {
      date: "The article does not give a date for that, and I would rather not guess.",
      amount: "The article does not give a figure for that, and I would rather not guess.",
      person: "The article does not say who that was, and I would rather not guess.",
      words: "The article does not quote what was said there, and I would rather not guess.",
      day: "The article does not give the exact day, and I would rather not guess.",
      month: "The article does not give the month, and I would rather not guess.",
      country: "The article does not name a country for that, and I would rather not guess.",
      reaction: "The article does not say how anyone reacted to it, and I would rather not guess.",
      funding: "The article does not say who pays for that, and I would rather not guess.",
      life: "The article does not give those facts of the person's life (birth, election or appointment, term), and I would rather not guess.",
      length: "The article does not give a length or duration for that, and I would rather not guess.",
      cost: "The article does not give a cost or budget for that, and I would rather not guess.",
      currency:
        "The article gives the sum only as it prints it, not in that currency, and I would rather not convert it.",
      count: "The article does not give that number, and I would rather not guess.",
      law: "The article does not name a law or document for that, and I would rather not guess.",
      signed: "The article does not say that anything was signed there, and I would rather not guess.",
      members: "The article does not name them one by one, and I would rather not guess.",
      outcome: "The article does not say what came of it afterwards, and I would rather not guess.",
      membership: "The article does not say who belongs to which organisation, and I would rather not guess.",
      company: "The article does not name a company for that, and I would rather not guess.",
      workplace: "The article does not say where that person works now, and I would rather not guess.",
      others: "The article names no one else there, and I would rather not guess.",
      outlet: "The article cites no outlet for that, and I would rather not guess.",
      verbatim: "The article does not quote those words, and I would rather not guess.",
      evidence: "The article cites no source for that, and I would rather not guess.",
      present:
        "The article speaks of March 2023 and says nothing of how things stand now, and I would rather not guess.",
      sum: "The article gives no sum for that, and I would rather not guess.",
      breakdown:
        "The article gives one total and does not say how it is split, and I would rather not guess.",
      hour: "The article gives no time of day for that, and I would rather not guess.",
      exchange:
        "The article does not say what is given in return or on what terms, and I would rather not guess.",
      published: "The article's page gives no date of its own, and I would rather not guess.",
      location: "The article does not say where that place is, and I would rather not guess.",
      since: "The article does not say since when, and I would rather not guess.",
      specifics: "The article says no more about it than this, and I would rather not guess.",
    },
    whatItSays: "What the article does say:",
    declineClose: "I could not find an answer to exactly that in the article, and I would rather not guess.",
    declineEmpty: "Please ask a question about the article.",
    suggestionsHeader: "Questions I can answer:",
    didYouMean: "Did you mean one of these?",
    allSources: (n) => `The article's sources (its ${n} footnote${n === 1 ? "" : "s"}):`,
    shortened: "…",
  },
  ru: {
    quoteLabel: (p, original) =>
      `Из статьи (абзац ${p}, оригинал на ${original === "en" ? "английском" : original === "tr" ? "турецком" : "русском"}):`,
    moreQuotes: (n) =>
      `Ещё ${n} ${n === 1 ? "фраза" : n < 5 ? "фразы" : "фраз"} из этого абзаца — по кнопке «Источник».`,
    sourceLabel: "Источник:",
    sourcesLabel: "Источники:",
    footnote: (n) => `сноска ${n}`,
    accessed: (d) => `дата обращения ${d}`,
    translation: (t) => `перевод: ${t}`,
    noFootnote: (p) => `Из статьи, абзац ${p} (без сноски)`,
    aboutTheBot: "Это ответ о самом боте, а не факт из статьи.",
    fromThePage: "Источник: страница статьи (её заголовок), а не текст статьи.",
    alsoMean: "Возможно, вы имели в виду:",
    hedge: (q) => `Кажется, вы спрашиваете об этом: «${q}» Если нет, спросите, пожалуйста, иначе.`,
    declineOutOfScope: (name) => `В статье не упоминается ${name}, поэтому ответить без догадок я не могу.`,
    declineWeak: "Статья не отвечает на этот вопрос, а гадать я не буду.",
    // The name as typed may be in any case ("про Россию"): not put into the sentence.
    declineBroad: () => "Об этом в статье говорится в нескольких местах.",
    declineLacks: {
      date: "Дату этого статья не называет, а гадать я не буду.",
      amount: "Цифры этого статья не приводит, а гадать я не буду.",
      person: "Кто это был, статья не говорит, а гадать я не буду.",
      words: "Что именно там было сказано, статья не цитирует, а гадать я не буду.",
      day: "Точного дня статья не называет, а гадать я не буду.",
      month: "Месяца статья не называет, а гадать я не буду.",
      country: "Страну статья здесь не называет, а гадать я не буду.",
      reaction: "О чьей-либо реакции на это статья не пишет, а гадать я не буду.",
      funding: "Кто это финансирует, статья не пишет, а гадать я не буду.",
      life: "Этих фактов биографии (рождение, избрание или назначение, срок) статья не приводит, а гадать я не буду.",
      length: "Ни длины, ни срока статья здесь не приводит, а гадать я не буду.",
      cost: "Стоимости или бюджета статья не называет, а гадать я не буду.",
      currency:
        "Статья даёт сумму только так, как она напечатана, не в этой валюте, а пересчитывать я не буду.",
      count: "Такого числа статья не приводит, а гадать я не буду.",
      law: "Закона или документа статья здесь не называет, а гадать я не буду.",
      signed: "О том, что там что-то подписали, статья не говорит, а гадать я не буду.",
      members: "Поимённо статья их не называет, а гадать я не буду.",
      outcome: "Чем это закончилось потом, статья не говорит, а гадать я не буду.",
      membership: "Кто в какую организацию входит, статья не говорит, а гадать я не буду.",
      company: "Компанию статья не называет, а гадать я не буду.",
      workplace: "Где этот человек работает сейчас, статья не говорит, а гадать я не буду.",
      others: "Больше никого статья здесь не называет, а гадать я не буду.",
      outlet: "Издание, которое об этом сообщило, статья не называет, а гадать я не буду.",
      verbatim: "Этих слов статья не цитирует, а гадать я не буду.",
      evidence: "Источника на это статья не приводит, а гадать я не буду.",
      present: "Статья описывает март 2023 года и не говорит, как обстоят дела сейчас, а гадать я не буду.",
      sum: "Суммы статья здесь не называет, а гадать я не буду.",
      breakdown: "Статья называет одну общую сумму и не говорит, как она делится, а гадать я не буду.",
      hour: "Времени суток статья здесь не называет, а гадать я не буду.",
      exchange: "Статья не говорит, что дается взамен и на каких условиях, а гадать я не буду.",
      published: "Своей даты на странице статьи нет, а гадать я не буду.",
      location: "Где находится это место, статья не говорит, а гадать я не буду.",
      since: "С какого времени это так, статья не говорит, а гадать я не буду.",
      specifics: "Подробнее статья об этом не пишет, а гадать я не буду.",
    },
    whatItSays: "Что в статье об этом есть:",
    declineClose: "Точного ответа на этот вопрос я в статье не нашёл, а гадать не буду.",
    declineEmpty: "Задайте, пожалуйста, вопрос о статье.",
    suggestionsHeader: "Я могу ответить, например:",
    didYouMean: "Может быть, вы имели в виду один из этих вопросов?",
    allSources: (n) => `Источники статьи (сносок: ${n}):`,
    shortened: "…",
  },
  tr: {
    quoteLabel: (p, original) =>
      `Makaleden (paragraf ${p}, ${original === "en" ? "İngilizce" : original === "tr" ? "Türkçe" : "Rusça"} aslı):`,
    moreQuotes: (n) => `Bu paragraftan ${n} cümle daha: Kaynak düğmesine bakın.`,
    sourceLabel: "Kaynak:",
    sourcesLabel: "Kaynaklar:",
    footnote: (n) => `dipnot ${n}`,
    accessed: (d) => `erişim tarihi ${d}`,
    translation: (t) => `çeviri: ${t}`,
    noFootnote: (p) => `Makaleden, paragraf ${p} (dipnot yok)`,
    aboutTheBot: "Bu, makaleden bir bilgi değil, botun kendisiyle ilgili bir yanıttır.",
    fromThePage: "Kaynak: makalenin sayfası (başlık kısmı), makalenin metni değil.",
    alsoMean: "Şunu da kastetmiş olabilirsiniz:",
    hedge: (q) => `Sanırım şunu soruyorsunuz: “${q}” Değilse lütfen başka sözcüklerle sorun.`,
    declineOutOfScope: (name) => `Makalede ${name} geçmiyor; bu yüzden tahmin yürütmeden yanıt veremem.`,
    declineWeak: "Makale bu soruyu yanıtlamıyor ve tahmin yürütmek istemem.",
    declineBroad: () => "Makale bundan birkaç yerde söz ediyor.",
    declineLacks: {
      date: "Makale bunun için bir tarih vermiyor ve tahmin yürütmek istemem.",
      amount: "Makale bunun için bir rakam vermiyor ve tahmin yürütmek istemem.",
      person: "Makale bunun kim olduğunu söylemiyor ve tahmin yürütmek istemem.",
      words: "Makale orada tam olarak ne söylendiğini aktarmıyor ve tahmin yürütmek istemem.",
      day: "Makale kesin günü vermiyor ve tahmin yürütmek istemem.",
      month: "Makale ayı vermiyor ve tahmin yürütmek istemem.",
      country: "Makale burada bir ülke adı vermiyor ve tahmin yürütmek istemem.",
      reaction: "Makale buna kimin nasıl tepki verdiğini yazmıyor ve tahmin yürütmek istemem.",
      funding: "Makale bunu kimin finanse ettiğini yazmıyor ve tahmin yürütmek istemem.",
      life: "Makale kişinin hayatına dair bu bilgileri (doğum, seçilme ya da atanma, görev süresi) vermiyor ve tahmin yürütmek istemem.",
      length: "Makale bunun uzunluğunu ya da süresini vermiyor ve tahmin yürütmek istemem.",
      cost: "Makale bunun maliyetini ya da bütçesini vermiyor ve tahmin yürütmek istemem.",
      currency: "Makale tutarı yalnızca yazdığı biçimde veriyor, o para biriminde değil; çevirmek istemem.",
      count: "Makale bu sayıyı vermiyor ve tahmin yürütmek istemem.",
      law: "Makale burada bir yasa ya da belge adı vermiyor ve tahmin yürütmek istemem.",
      signed: "Makale orada bir şey imzalandığını söylemiyor ve tahmin yürütmek istemem.",
      members: "Makale bunları tek tek saymıyor ve tahmin yürütmek istemem.",
      outcome: "Makale bunun sonradan nasıl sonuçlandığını söylemiyor ve tahmin yürütmek istemem.",
      membership: "Makale hangi ülkenin hangi örgüte üye olduğunu söylemiyor ve tahmin yürütmek istemem.",
      company: "Makale bunun için bir şirket adı vermiyor ve tahmin yürütmek istemem.",
      workplace: "Makale bu kişinin şu anda nerede çalıştığını söylemiyor ve tahmin yürütmek istemem.",
      others: "Makale burada başka kimsenin adını vermiyor ve tahmin yürütmek istemem.",
      outlet: "Makale bunu hangi yayın organının bildirdiğini söylemiyor ve tahmin yürütmek istemem.",
      verbatim: "Makale bu sözleri aktarmıyor ve tahmin yürütmek istemem.",
      evidence: "Makale bunun için bir kaynak göstermiyor ve tahmin yürütmek istemem.",
      present:
        "Makale Mart 2023'ü anlatıyor, bugün durumun ne olduğunu söylemiyor ve tahmin yürütmek istemem.",
      sum: "Makale bunun için bir tutar vermiyor ve tahmin yürütmek istemem.",
      breakdown: "Makale tek bir toplam veriyor, nasıl bölündüğünü söylemiyor ve tahmin yürütmek istemem.",
      hour: "Makale bunun için günün saatini vermiyor ve tahmin yürütmek istemem.",
      exchange:
        "Makale karşılığında ne verildiğini ya da hangi şartlarla olduğunu söylemiyor ve tahmin yürütmek istemem.",
      published: "Makalenin sayfasında kendi tarihi yok ve tahmin yürütmek istemem.",
      location: "Makale o yerin nerede olduğunu söylemiyor ve tahmin yürütmek istemem.",
      since: "Makale bunun ne zamandan beri böyle olduğunu söylemiyor ve tahmin yürütmek istemem.",
      specifics: "Makale bu konuda bundan fazlasını söylemiyor ve tahmin yürütmek istemem.",
    },
    whatItSays: "Makalenin bu konuda söyledikleri:",
    declineClose: "Makalede tam olarak bu sorunun yanıtını bulamadım ve tahmin yürütmek istemem.",
    declineEmpty: "Lütfen makale hakkında bir soru sorun.",
    suggestionsHeader: "Yanıtlayabileceğim sorular:",
    didYouMean: "Şunlardan birini mi sormak istediniz?",
    allSources: (n) => `Makalenin kaynakları (${n} dipnot):`,
    shortened: "…",
  },
};
