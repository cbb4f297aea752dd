// Schemas for every file in content/. Loading fails fast with file, entry and reason.
import * as z from "zod";
import { LANGS, type Lang } from "./langs.ts";

export { LANGS, type Lang };

const text = z.string().trim().min(1);
const perLang = z.object({ en: text, ru: text, tr: text }).strict();

export const ArticleSchema = z
  .object({
    title: text,
    author: text,
    language: z.literal("en"),
    // Empty until the content records the article's own address (never guessed).
    url: z.union([z.url({ protocol: /^https$/ }), z.literal("")]).default(""),
    alsoAvailableIn: z.array(z.enum(LANGS)),
    paragraphs: z
      .array(
        z
          .object({
            n: z.number().int().positive(),
            section: z.enum(["body", "author"]).default("body"),
            // A paragraph printed in another language than the article (the author's bio is Turkish).
            language: z.enum(LANGS).optional(),
            text,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const FootnotesSchema = z
  .object({
    footnotes: z.array(
      z
        .object({
          n: z.number().int().positive(),
          outlet: text,
          title: text,
          titleLang: z.enum(LANGS),
          translations: z.object({ en: text.optional(), ru: text.optional(), tr: text.optional() }).strict(),
          url: z.url({ protocol: /^https?$/ }),
          accessed: z.string().regex(/^\d{2}\.\d{2}\.\d{4}$/, "accessed must be DD.MM.YYYY as printed"),
          printed: text,
        })
        .strict(),
    ),
  })
  .strict();

export const TopicsSchema = z
  .object({
    topics: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), title: perLang }).strict()),
  })
  .strict();

const questionList = z.array(text);

/**
 * Kinds of detail a question may ask for: a date, a figure, a person, someone's own words (read from the
 * kind of question), and the finer details content/details.yaml tells by their words: the exact day, a
 * person's life (birth, election, term), a length, a cost, a sum in another currency, a count of items,
 * a law's or document's name, whether something was signed, which members of a group exactly.
 */
export const DETAILS = [
  "date",
  "amount",
  "person",
  "words",
  "day",
  "month",
  "country",
  "reaction",
  "funding",
  "life",
  "length",
  "cost",
  "currency",
  "count",
  "law",
  "signed",
  "members",
  "outcome",
  "membership",
  "company",
  "workplace",
  "others",
  "outlet",
  "verbatim",
  "evidence",
  "present",
  "sum",
  "breakdown",
  "hour",
  "exchange",
  "published",
  "location",
  "since",
  "specifics",
] as const;
export type Detail = (typeof DETAILS)[number];

/** What in an answer's own text gives a finer detail: a day of a month, a month, a sum of money, a length, a list of names. */
export const SHOWN_BY = ["day", "month", "money", "length", "list", "footnote", "place"] as const;

// content/details.yaml: the words that ask for a finer detail, in every language, and what in an answer
// gives it (besides its `details`).
export const DetailAsksSchema = z
  .object({
    details: z.array(
      z
        .object({
          detail: z.enum(DETAILS),
          asks: z.object({ en: questionList, ru: questionList, tr: questionList, ky: questionList }).strict(),
          // The answer's English text shows it (a day of a month, a sum, a length)…
          shownBy: z.enum(SHOWN_BY).optional(),
          // …or one of these words in its text in any language ("signed", "подписан", "imza").
          givenBy: z.array(text).default([]),
        })
        .strict(),
    ),
  })
  .strict();
export type DetailAsk = z.infer<typeof DetailAsksSchema>["details"][number];

export const AnswerSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "ids are lower-case words joined by '-'"),
    topic: z.string(),
    // "fact": one claim of the article; "combined": gathers several (a timeline); "bot": about this bot;
    // "page": what the article's page says of it besides its text (the other languages it is published in).
    kind: z.enum(["fact", "combined", "bot", "page"]).default("fact"),
    answer: perLang,
    // The answer in a few words, shown first in bold ("$5.3 million", "May 2023"). Required for facts.
    short: perLang.optional(),
    quotes: z.array(z.object({ p: z.number().int().positive(), text }).strict()),
    footnotes: z.array(z.number().int().positive()),
    questions: z
      .object({ en: questionList, ru: questionList, tr: questionList, ky: questionList.optional() })
      .strict(),
    related: z.array(z.string()).default([]),
    // What the article tells next of the same story, in its own words ("Later, within the framework of…"):
    // "and then?" after this answer asks for it. Without it, "what happened next?" is declined.
    next: z.string().optional(),
    // Concepts (content/lexicon.yaml ids) that, asked of a fact this combined answer gathers (shares its
    // footnotes), make this the answer: "which outlet reported the visit?" wants the sources, not the visit.
    preferredFor: z.array(z.string()).default([]),
    // Concepts (content/lexicon.yaml ids) one of which a question must ask for this answer to be given: an
    // answer about how the article spells names is no answer to what those people did.
    requires: z.array(z.string()).default([]),
    // Details the answer gives or speaks to beyond what its English text shows (a date, a figure, a
    // person's name are read from it): "words" when it quotes what someone said; a detail the answer
    // says the article does not give ("it does not say when") counts as given. A question asking for a
    // detail its best answer lacks is declined, naming what the article does say.
    details: z.array(z.enum(DETAILS)).default([]),
    // Whose words an answer giving "words" gives (content/aliases.yaml person ids): "what did Japarov say
    // about the visit?" is not answered by the ambassador's announcement of it.
    speakers: z.array(z.string()).default([]),
  })
  .strict();

export const AnswersFileSchema = z.object({ answers: z.array(AnswerSchema).min(1) }).strict();

export const EntityKind = z.enum(["person", "place", "organisation", "event", "concept"]);

export const AliasesSchema = z
  .object({
    entities: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/),
          kind: EntityKind,
          // Spellings people type, in any language and script. The article's own misspellings
          // belong here too: they are spellings, not facts.
          names: z.array(text).min(1),
          // A capital standing for its country or government ("why should Bishkek keep ties with the
          // West?"): an answer naming the country does not lack the capital the question names.
          standsFor: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

// Entities the article never mentions: a question about them is declined even if other words match.
export const OutOfScopeSchema = z
  .object({
    entities: z.array(z.object({ id: z.string(), kind: EntityKind, names: z.array(text).min(1) }).strict()),
  })
  .strict();

export type Article = z.infer<typeof ArticleSchema>;
export type Paragraph = Article["paragraphs"][number];
export type Footnote = z.infer<typeof FootnotesSchema>["footnotes"][number];
export type Topic = z.infer<typeof TopicsSchema>["topics"][number];
export type Answer = z.infer<typeof AnswerSchema>;
export type Entity = z.infer<typeof AliasesSchema>["entities"][number];
export type OutOfScopeEntity = z.infer<typeof OutOfScopeSchema>["entities"][number];

// Cross-language words for the same idea ("grant", "грант", "hibe"): the matcher folds them into one term.
// `broader`: concepts a term also stands for ("foreign minister" is also a "minister"). Ids starting with
// "q-" mark the kind of question (why, when, what is…) and weigh little; "meta-" phrases ("according to
// the article") are ignored.
export const LexiconSchema = z
  .object({
    concepts: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/),
          terms: z.array(text).min(2),
          broader: z.array(z.string()).optional(),
          // "office": a person's office (minister, ambassador): "what did the ambassador say" asks for
          // someone's words as much as "what did Du Dewen say". "personal": what only a person does
          // (signing, saying, meeting): asked who did it, a country is no answer. "tie": a tie between
          // countries (dependence, partners, an agreement): asked with whom, the countries are the answer.
          kind: z.enum(["office", "personal", "tie"]).optional(),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((lexicon, ctx) => {
    const ids = new Set(lexicon.concepts.map((c) => c.id));
    lexicon.concepts.forEach((c, i) => {
      for (const b of c.broader ?? [])
        if (!ids.has(b) || b === c.id)
          ctx.addIssue({
            code: "custom",
            path: ["concepts", i, "broader"],
            message: `broader concept "${b}" ${b === c.id ? "is the concept itself" : "does not exist"}`,
          });
    });
  });

export const SmalltalkSchema = z
  .object({
    intents: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/),
          phrases: z.object({
            en: questionList,
            ru: questionList,
            tr: questionList,
            ky: questionList.optional(),
          }),
          reply: perLang,
        })
        .strict(),
    ),
  })
  .strict();

export type Concept = z.infer<typeof LexiconSchema>["concepts"][number];
export type SmalltalkIntent = z.infer<typeof SmalltalkSchema>["intents"][number];
