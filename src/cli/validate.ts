// `npm run validate`: load content/ with every check and print a short report.
import { DEFAULT_CONTENT_DIR, loadKnowledgeBase } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import { contentStats } from "../content/validate.ts";
import { endQuietlyOnClosedPipe } from "./closed-pipe.ts";

endQuietlyOnClosedPipe();

const dir = process.argv[2] ?? DEFAULT_CONTENT_DIR;
try {
  const s = contentStats(loadKnowledgeBase(dir));
  const topics = Object.entries(s.perTopic)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
  console.log(
    `content OK: ${s.answers} answers, ${s.articleAnswers} on the article and ${s.answers - s.articleAnswers} about the bot (${topics})`,
  );
  console.log(
    `questions: en ${s.questions.en}, ru ${s.questions.ru}, tr ${s.questions.tr}, ky ${s.questions.ky}; answers in en, ru, tr`,
  );
  console.log(
    `footnotes cited: ${s.footnotesCited}/${s.footnotes}; paragraphs covered: ${s.paragraphsCovered}/${s.paragraphs}`,
  );
  console.log(`aliases: ${s.entities} entities, ${s.names} spellings`);
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
