// grammY runs every filter (`on`, `command`, `chatType`, `callbackQuery`…) through Composer.branch,
// which goes through `lazy()`: per update and per filter it builds a new Composer and three closures.
// With about twenty filters in front of the question handler that was a third of all the memory an
// update allocated (about 70 KB of 160 KB), and garbage collection was the bot's largest cost per
// reply. This replaces branch with the same routing done by one closure made once: the predicate is
// awaited, then the chosen middleware runs with the same `next`. A composer's middleware is still
// looked up at call time, so handlers added to it later (chained filters) are seen, as before.
import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type Predicate<C extends Context> = (ctx: C) => boolean | Promise<boolean>;

function asFunction<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  return typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);
}

// Installed on import, before any feature module registers its filters (src/bot/index.ts imports this
// first): branch is called when a filter is registered, not when it runs.
Composer.prototype.branch = function branch<C extends Context>(
  this: Composer<C>,
  predicate: Predicate<C>,
  trueMiddleware: Middleware<C> | Middleware<C>[],
  falseMiddleware: Middleware<C> | Middleware<C>[],
): Composer<C> {
  const whenTrue = asFunction(
    Array.isArray(trueMiddleware) ? new Composer(...trueMiddleware) : trueMiddleware,
  );
  const whenFalse = asFunction(
    Array.isArray(falseMiddleware) ? new Composer(...falseMiddleware) : falseMiddleware,
  );
  // Not an async function: the predicates grammY builds are synchronous, and an async wrapper would
  // allocate a promise per filter per update for nothing.
  return this.use((ctx, next) => {
    const matched = predicate(ctx);
    if (typeof matched === "boolean") return (matched ? whenTrue : whenFalse)(ctx, next);
    return matched.then((yes) => (yes ? whenTrue : whenFalse)(ctx, next));
  });
} as typeof Composer.prototype.branch;
