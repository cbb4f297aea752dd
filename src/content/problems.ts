/** One thing wrong with the content: where it is and why it is wrong. */
export interface Problem {
  file: string;
  entry?: string;
  reason: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.entry ? ` [${p.entry}]` : ""}: ${p.reason}`;
}

/** Thrown at start-up when content cannot be used; the message lists every problem. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `Invalid content (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`,
    );
    this.name = "ContentError";
  }
}
