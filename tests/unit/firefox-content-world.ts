// Fakes of how Firefox's content scripts see the page's objects, as observed in Firefox ESR 153. A content script
// reaches DOM objects through Xray wrappers, which show only what the Web IDL declares. The iterators that
// URLSearchParams' keys(), values() and entries() return keep next() but lose Symbol.iterator (so spreading one
// throws "… is not iterable" and Array.from of one is silently empty), and a Highlight or the highlight registry
// cannot be iterated at all, forEach included. Iterating the URLSearchParams itself, its forEach, and everything
// else the Web IDL declares work as in Chromium.

const XRAY_ITERATORS = 'Xray wrapping of iterators not supported.';
const XRAY_FOR_EACH = 'Permission denied to access object';

/** What a content script gets from a page-world iterator: next(), and nothing that makes it iterable. */
function bareIterator(iterator: Iterator<unknown>): { next(): IteratorResult<unknown> } {
  return { next: () => iterator.next() };
}

function xrayLikeParams(params: URLSearchParams): URLSearchParams {
  return new Proxy(params, {
    get(target, property) {
      if (property === 'keys' || property === 'values' || property === 'entries')
        return () => bareIterator((target[property] as () => Iterator<unknown>).call(target));
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** `URL` as a Firefox content script sees it (the page's constructor, through an Xray wrapper). */
export class XrayLikeURL extends URL {
  override get searchParams(): URLSearchParams {
    return xrayLikeParams(super.searchParams);
  }
}

/** `Highlight` as a Firefox content script sees it: built and counted, never iterated. */
export class XrayLikeHighlight implements Iterable<AbstractRange> {
  readonly #ranges: AbstractRange[];
  constructor(...ranges: AbstractRange[]) {
    this.#ranges = ranges;
  }
  get size(): number {
    return this.#ranges.length;
  }
  has(range: AbstractRange): boolean {
    return this.#ranges.includes(range);
  }
  [Symbol.iterator](): Iterator<AbstractRange> {
    throw new TypeError(XRAY_ITERATORS);
  }
  values(): never {
    throw new TypeError(XRAY_ITERATORS);
  }
  keys(): never {
    throw new TypeError(XRAY_ITERATORS);
  }
  entries(): never {
    throw new TypeError(XRAY_ITERATORS);
  }
  forEach(): never {
    throw new Error(XRAY_FOR_EACH);
  }
}

/** `CSS.highlights` as a Firefox content script sees it: get, set, has, delete and size; no iteration. */
export class XrayLikeHighlightRegistry {
  readonly #entries = new Map<string, XrayLikeHighlight>();
  get size(): number {
    return this.#entries.size;
  }
  get(name: string): XrayLikeHighlight | undefined {
    return this.#entries.get(name);
  }
  set(name: string, highlight: XrayLikeHighlight): this {
    this.#entries.set(name, highlight);
    return this;
  }
  has(name: string): boolean {
    return this.#entries.has(name);
  }
  delete(name: string): boolean {
    return this.#entries.delete(name);
  }
  [Symbol.iterator](): never {
    throw new TypeError(XRAY_ITERATORS);
  }
  keys(): never {
    throw new TypeError(XRAY_ITERATORS);
  }
  values(): never {
    throw new TypeError(XRAY_ITERATORS);
  }
  entries(): never {
    throw new TypeError(XRAY_ITERATORS);
  }
  forEach(): never {
    throw new Error(XRAY_FOR_EACH);
  }
}
