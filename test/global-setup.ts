// Before any test file runs: build dist/ once if src/ changed, so the bot processes the e2e suites start
// (through `npm start`'s launcher) find a current build instead of each rebuilding it at once.
export async function setup(): Promise<void> {
  // @ts-expect-error: a plain JavaScript module without types
  const { build, isStale } = (await import("../scripts/build.mjs")) as {
    build: () => Promise<unknown>;
    isStale: () => boolean;
  };
  if (isStale()) await build();
}
