/**
 * RACF ids (user and group ids: 1 to 8 characters) to numbers, kept in typed arrays. The user
 * table of a site's unload indexes 300,000 ids; a Map of them cannot cross from the worker thread
 * that reads the users to the main thread (src/cli/unload-users.ts) and would be built again
 * there, string by string. These arrays move across as they are.
 *
 * An id of up to 8 Latin-1 characters is its own key: its character codes packed in two 32-bit
 * words, and its length. Anything else (longer, or beyond Latin-1: not a RACF id, but a reader
 * must not lose it) goes to a Map beside the arrays.
 */
export interface IdIndexParts {
  lo: Int32Array<ArrayBuffer>;
  hi: Int32Array<ArrayBuffer>;
  len: Uint8Array<ArrayBuffer>;
  value: Int32Array<ArrayBuffer>;
  count: number;
  other: Array<[string, number]>;
}

export class IdIndex {
  #lo: Int32Array<ArrayBuffer>;
  #hi: Int32Array<ArrayBuffer>;
  /** Tag of the key in the slot (the id's length); 0: an empty slot. */
  #len: Uint8Array<ArrayBuffer>;
  #value: Int32Array<ArrayBuffer>;
  #count = 0;
  #other = new Map<string, number>();

  constructor(slots = 1 << 10) {
    this.#lo = new Int32Array(slots);
    this.#hi = new Int32Array(slots);
    this.#len = new Uint8Array(slots);
    this.#value = new Int32Array(slots);
  }

  /** The number of `id`, or -1. */
  get(id: string): number {
    const n = id.length;
    if (n === 0 || n > 8) return this.#other.get(id) ?? -1;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c > 0xff) return this.#other.get(id) ?? -1;
      if (i < 4) lo |= c << (8 * i);
      else hi |= c << (8 * (i - 4));
    }
    return this.getPacked(lo, hi, n);
  }

  /**
   * The number of a key given packed: up to eight bytes in two words (`lo` holds the first four)
   * and a tag of 1 to 255, usually the length (short-strings.ts also keys bytes this way); -1
   * when it has none.
   */
  getPacked(lo: number, hi: number, tag: number): number {
    const mask = this.#len.length - 1;
    for (let slot = packedHash(lo, hi, tag) & mask; ; slot = (slot + 1) & mask) {
      const l = this.#len[slot] as number;
      if (l === 0) return -1;
      if (l === tag && this.#lo[slot] === lo && this.#hi[slot] === hi) return this.#value[slot] as number;
    }
  }

  /** Give a packed key (see getPacked) the number `value`. */
  setPacked(lo: number, hi: number, tag: number, value: number): void {
    if ((this.#count + 1) * 2 > this.#len.length) this.#grow();
    this.#put(lo, hi, tag, value);
  }

  /** Give `id` the number `value` (replacing the one it had). */
  set(id: string, value: number): void {
    const n = id.length;
    let packs = n > 0 && n <= 8;
    let lo = 0;
    let hi = 0;
    for (let i = 0; packs && i < n; i++) {
      const c = id.charCodeAt(i);
      if (c > 0xff) packs = false;
      else if (i < 4) lo |= c << (8 * i);
      else hi |= c << (8 * (i - 4));
    }
    if (!packs) {
      this.#other.set(id, value);
      return;
    }
    this.setPacked(lo, hi, n, value);
  }

  #put(lo: number, hi: number, n: number, value: number): void {
    const mask = this.#len.length - 1;
    let slot = packedHash(lo, hi, n) & mask;
    for (;;) {
      const l = this.#len[slot] as number;
      if (l === 0) break;
      if (l === n && this.#lo[slot] === lo && this.#hi[slot] === hi) {
        this.#value[slot] = value;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.#lo[slot] = lo;
    this.#hi[slot] = hi;
    this.#len[slot] = n;
    this.#value[slot] = value;
    this.#count++;
  }

  #grow(): void {
    const lo = this.#lo;
    const hi = this.#hi;
    const len = this.#len;
    const value = this.#value;
    const size = len.length * 2;
    this.#lo = new Int32Array(size);
    this.#hi = new Int32Array(size);
    this.#len = new Uint8Array(size);
    this.#value = new Int32Array(size);
    this.#count = 0;
    for (let s = 0; s < len.length; s++) {
      const n = len[s] as number;
      if (n !== 0) this.#put(lo[s] as number, hi[s] as number, n, value[s] as number);
    }
  }

  /** The index as plain data, and the buffers that can be moved rather than copied. */
  parts(): { parts: IdIndexParts; buffers: ArrayBuffer[] } {
    const parts: IdIndexParts = {
      lo: this.#lo,
      hi: this.#hi,
      len: this.#len,
      value: this.#value,
      count: this.#count,
      other: [...this.#other],
    };
    return { parts, buffers: [parts.lo.buffer, parts.hi.buffer, parts.len.buffer, parts.value.buffer] };
  }

  static fromParts(parts: IdIndexParts): IdIndex {
    const size = parts.len.length;
    if (
      size === 0 ||
      (size & (size - 1)) !== 0 ||
      parts.lo.length !== size ||
      parts.hi.length !== size ||
      parts.value.length !== size ||
      parts.count * 2 > size
    )
      throw new Error("id index parts do not fit together");
    const index = new IdIndex(1);
    index.#lo = parts.lo;
    index.#hi = parts.hi;
    index.#len = parts.len;
    index.#value = parts.value;
    index.#count = parts.count;
    index.#other = new Map(parts.other);
    return index;
  }
}

/** A slot for a packed key (two words and a tag): mixes every bit into the low ones. */
function packedHash(lo: number, hi: number, len: number): number {
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15) ^ hi, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13) ^ len, 0x27d4eb2f);
  return h ^ (h >>> 16);
}
