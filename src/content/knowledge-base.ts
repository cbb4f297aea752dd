import type {
  Answer,
  Article,
  Concept,
  DetailAsk,
  Entity,
  Footnote,
  OutOfScopeEntity,
  SmalltalkIntent,
  Topic,
} from "./schema.ts";

/** Everything the bot knows, loaded from content/ and validated. Read-only after start-up. */
export interface KnowledgeBase {
  article: Article;
  footnotes: Footnote[];
  topics: Topic[];
  answers: Answer[];
  entities: Entity[];
  outOfScope: OutOfScopeEntity[];
  concepts: Concept[];
  smalltalk: SmalltalkIntent[];
  /** The words that ask for a finer detail than a kind of question (content/details.yaml). */
  detailAsks: DetailAsk[];
  /** Lookups built once at load time. */
  answerById: ReadonlyMap<string, Answer>;
  footnoteByNumber: ReadonlyMap<number, Footnote>;
}
