// The lean Composer.use / branch (src/bot/lean-composer.ts) must route exactly as grammY's own: in
// order, `next` once, middleware added later seen, errors reaching the caller.
import { Composer, type Context } from "grammy";
import { describe, expect, it } from "vitest";
import "../../src/bot/lean-composer.ts";

const ctx = {} as Context;
const run = (c: Composer<Context>) => c.middleware()(ctx, () => Promise.resolve());

describe("lean composer", () => {
  it("runs middleware in order, each passing on with next, and stops where one does not", async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.use(async (_ctx, next) => {
      seen.push("a");
      await next();
      seen.push("a after");
    });
    c.use(
      (_ctx, next) => {
        seen.push("b");
        return next();
      },
      () => {
        seen.push("c");
      },
    );
    c.use(() => {
      seen.push("never");
    });
    await run(c);
    expect(seen).toEqual(["a", "b", "c", "a after"]);
  });

  it("sees middleware added later to a composer use returned, at its place", async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    const first = c.use();
    c.use(() => {
      seen.push("second");
    });
    first.use((_ctx, next) => {
      seen.push("added later");
      return next();
    });
    await run(c);
    expect(seen).toEqual(["added later", "second"]);
  });

  it("filters route as before", async () => {
    const seen: string[] = [];
    const c = new Composer<Context>();
    c.filter(
      () => false,
      () => {
        seen.push("no");
      },
    );
    c.filter(
      () => Promise.resolve(true),
      () => {
        seen.push("yes");
      },
    );
    await run(c);
    expect(seen).toEqual(["yes"]);
  });

  it("refuses a second next, and lets errors reach the caller", async () => {
    const twice = new Composer<Context>();
    twice.use(async (_ctx, next) => {
      await next();
      await next();
    });
    await expect(run(twice)).rejects.toThrow("`next` already called before!");
    const throwing = new Composer<Context>();
    throwing.use((_ctx, next) => next());
    throwing.use(() => {
      throw new Error("boom");
    });
    await expect(Promise.resolve().then(() => run(throwing))).rejects.toThrow("boom");
  });

  it("calls the outer next when every middleware passes", async () => {
    const c = new Composer<Context>();
    c.use((_ctx, next) => next());
    let outer = false;
    await c.middleware()(ctx, async () => {
      outer = true;
    });
    expect(outer).toBe(true);
  });
});
