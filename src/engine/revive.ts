// A saved index comes back from node:v8 as plain objects (Maps, Sets and arrays intact, prototypes
// lost). This puts an object's saved fields back behind its class, without running the constructor:
// the constructor is the costly build the saved index exists to skip.

/** An instance of `cls` whose own fields are `fields`. */
export function revive<T extends object>(cls: abstract new (...args: never[]) => T, fields: object): T {
  return Object.assign(Object.create(cls.prototype) as T, fields);
}
