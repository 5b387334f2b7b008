// @peculiar/x509 2 uses tsyringe, which refuses to load without a Reflect metadata polyfill
// (reflect-metadata or @abraham/reflection; neither is a dependency here). It calls only these
// three functions, so a small WeakMap-backed version is enough. Installed once, never replaced.
type MetaMap = Map<string | symbol | undefined, Map<unknown, unknown>>;
const store = new WeakMap<object, MetaMap>();

function bucket(target: object, key: string | symbol | undefined, create: boolean): Map<unknown, unknown> | undefined {
  let byKey = store.get(target);
  if (!byKey) {
    if (!create) return undefined;
    byKey = new Map();
    store.set(target, byKey);
  }
  let m = byKey.get(key);
  if (!m && create) {
    m = new Map();
    byKey.set(key, m);
  }
  return m;
}

interface ReflectMeta {
  defineMetadata?(k: unknown, v: unknown, target: object, key?: string | symbol): void;
  getOwnMetadata?(k: unknown, target: object, key?: string | symbol): unknown;
  getMetadata?(k: unknown, target: object, key?: string | symbol): unknown;
}

const R = Reflect as unknown as ReflectMeta;
if (typeof R.getMetadata !== 'function') {
  R.defineMetadata = (k, v, target, key) => void bucket(target, key, true)!.set(k, v);
  R.getOwnMetadata = (k, target, key) => bucket(target, key, false)?.get(k);
  R.getMetadata = (k, target, key) => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const m = bucket(t, key, false);
      if (m?.has(k)) return m.get(k);
    }
    return undefined;
  };
}
