import { IdIndex } from "../model/id-index.js";

/**
 * One string per distinct short field value (up to 8 bytes of printable ASCII: user ids, group
 * ids, class names, access levels), found by its bytes. A site's unload names the same few
 * thousand groups on every one of its 300,000 users: decoding a new string for each, and hashing
 * it again in every Map it is looked up in, cost more than the rest of reading those records. A
 * value seen before comes back as the same string, whose hash V8 has already computed.
 *
 * The key is the bytes themselves, packed as IdIndex packs an id (model/id-index.ts), so two
 * values are never confused.
 */
export class ShortStrings {
  readonly #index = new IdIndex(1 << 12);
  readonly #values: string[] = [];

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
    // Upper and as-is values of the same bytes differ: the tag tells them apart.
    const tag = upper ? n | 0x10 : n;
    const known = this.#index.getPacked(lo, hi, tag);
    if (known >= 0) return this.#values[known] as string;
    const text = bytes.toString("latin1", s, e);
    const value = upper ? text.toUpperCase() : text;
    this.#index.setPacked(lo, hi, tag, this.#values.length);
    this.#values.push(value);
    return value;
  }
}
