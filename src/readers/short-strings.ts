import { packedHash } from "../model/id-index.js";

/**
 * One string per distinct short field value (up to 8 bytes of printable ASCII: user ids, group
 * ids, class names, access levels), found by its bytes. A site's unload names each of its
 * 300,000 user ids at least twice (0200, 0205) and the same few thousand groups on every user:
 * decoding a new string for each, and hashing it again in every Map it is looked up in, cost
 * more than the rest of reading those records. A value seen before comes back as the same
 * string, whose hash V8 has already computed.
 *
 * The key is the bytes themselves (eight bytes in two 32-bit words, and the length), so two
 * values are never confused; the table is open addressing over typed arrays.
 */
export class ShortStrings {
  #mask = (1 << 12) - 1;
  #lo = new Int32Array(this.#mask + 1);
  #hi = new Int32Array(this.#mask + 1);
  /** Length of the value in the slot (0: empty). */
  #len = new Uint8Array(this.#mask + 1);
  #values: string[] = new Array(this.#mask + 1);
  #count = 0;

  /**
   * The string of `bytes[s, e)` (1 to 8 bytes, each X'20'–X'7E'), upper case (a–z only: the
   * bytes are ASCII) when `upper`.
   */
  get(bytes: Buffer, s: number, e: number, upper: boolean): string {
    let lo = 0;
    let hi = 0;
    const n = e - s;
    for (let i = 0; i < n; i++) {
      const b = bytes[s + i] as number;
      if (i < 4) lo |= b << (8 * i);
      else hi |= b << (8 * (i - 4));
    }
    // Upper and as-is values of the same bytes differ: the length byte tells them apart.
    const len = upper ? n | 0x10 : n;
    let slot = packedHash(lo, hi, len) & this.#mask;
    for (;;) {
      const l = this.#len[slot] as number;
      if (l === 0) break;
      if (l === len && this.#lo[slot] === lo && this.#hi[slot] === hi) return this.#values[slot] as string;
      slot = (slot + 1) & this.#mask;
    }
    const text = bytes.toString("latin1", s, e);
    const value = upper ? text.toUpperCase() : text;
    this.#lo[slot] = lo;
    this.#hi[slot] = hi;
    this.#len[slot] = len;
    this.#values[slot] = value;
    if (++this.#count * 2 > this.#mask) this.#grow();
    return value;
  }

  #grow(): void {
    const lo = this.#lo;
    const hi = this.#hi;
    const len = this.#len;
    const values = this.#values;
    const size = (this.#mask + 1) * 2;
    this.#mask = size - 1;
    this.#lo = new Int32Array(size);
    this.#hi = new Int32Array(size);
    this.#len = new Uint8Array(size);
    this.#values = new Array(size);
    for (let old = 0; old < len.length; old++) {
      const l = len[old] as number;
      if (l === 0) continue;
      let slot = packedHash(lo[old] as number, hi[old] as number, l) & this.#mask;
      while (this.#len[slot] !== 0) slot = (slot + 1) & this.#mask;
      this.#lo[slot] = lo[old] as number;
      this.#hi[slot] = hi[old] as number;
      this.#len[slot] = l;
      this.#values[slot] = values[old] as string;
    }
  }
}
