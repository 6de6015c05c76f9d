import { IdIndex, type IdIndexParts } from "./id-index.js";
import type { Source, User } from "./types.js";

/**
 * The users of one IRRDBU00 unload, kept in columns (typed arrays and one string per id)
 * until someone asks for them. A site's weekly unload holds hundreds of thousands of users
 * (0200 base and 0205 connect records are most of its records); as objects each took six
 * allocations (the user, its groups, its sources and their source object), which cost more in
 * garbage collection than reading them did. An audit asks for a few thousand of them (ring
 * owners, started-task users, access-list members), so a User is built when it is asked for,
 * once, and all of them only when something lists the users (`racfring model`).
 *
 * The table answers exactly what RacfModel.defineUser/referUser and the group appends of the
 * unload reader would have built from the same records in the same order (unload-records.ts):
 * - a 0200 defines the user (no longer implied) and adds a source; its SPECIAL and REVOKE
 *   flags and a non-blank default group are the last 0200's; the default group joins the
 *   user's groups;
 * - a 0205 adds a group; one that comes before the user's 0200 names an implied user, with
 *   the 0205 as its source (real unloads write a user's 0200 first);
 * - groups keep the order they were first named in, without repeats.
 */

/**
 * A table as plain data: what a worker thread that read the user records hands back (typed
 * arrays travel without a copy).
 */
export interface UserTableParts {
  ids: string[];
  rows: IdIndexParts;
  flags: Uint8Array<ArrayBuffer>;
  dflt: Int32Array<ArrayBuffer>;
  referLine: Int32Array<ArrayBuffer>;
  defineLine: Int32Array<ArrayBuffer>;
  moreLines: Array<[number, number[]]>;
  head: Int32Array<ArrayBuffer>;
  tail: Int32Array<ArrayBuffer>;
  next: Int32Array<ArrayBuffer>;
  group: Int32Array<ArrayBuffer>;
  links: number;
  groupNames: string[];
}

const DEFINED = 1;
const SPECIAL = 2;
const REVOKED = 4;

export class UserTable {
  readonly #file: string;
  #rows = new IdIndex();
  #ids: string[] = [];
  #flags: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  /** Default group number + 1 (0: none). */
  #dflt = new Int32Array(1024);
  /** Line of the 0205 that named the user before any 0200 (0: none). */
  #referLine = new Int32Array(1024);
  /** Line of the user's first 0200 (0: none); later 0200 lines in #moreLines. */
  #defineLine = new Int32Array(1024);
  #moreLines = new Map<number, number[]>();
  /** Groups per user as linked lists: first and last link per row, then next and group per link. */
  #head = new Int32Array(1024).fill(-1);
  #tail = new Int32Array(1024).fill(-1);
  #next = new Int32Array(1024);
  #group = new Int32Array(1024);
  #links = 0;
  #groupNames: string[] = [];
  readonly #groupNumbers = new Map<string, number>();
  /** Users built so far, by row. */
  readonly #built: Array<User | undefined> = [];
  /** The row last looked up: a user's 0205 records follow its 0200. */
  #lastId = "";
  #lastRow = -1;

  constructor(file: string) {
    this.#file = file;
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The table as plain data, and the buffers that can be moved rather than copied. */
  parts(): { parts: UserTableParts; buffers: ArrayBuffer[] } {
    const rows = this.#rows.parts();
    const parts: UserTableParts = {
      ids: this.#ids,
      rows: rows.parts,
      flags: this.#flags,
      dflt: this.#dflt,
      referLine: this.#referLine,
      defineLine: this.#defineLine,
      moreLines: [...this.#moreLines],
      head: this.#head,
      tail: this.#tail,
      next: this.#next,
      group: this.#group,
      links: this.#links,
      groupNames: this.#groupNames,
    };
    const arrays = [parts.flags, parts.dflt, parts.referLine, parts.defineLine, parts.head, parts.tail];
    return {
      parts,
      buffers: [...[...arrays, parts.next, parts.group].map((a) => a.buffer), ...rows.buffers],
    };
  }

  /** A table from `parts()`, its users' sources naming `file`. */
  static fromParts(file: string, parts: UserTableParts): UserTable {
    const t = new UserTable(file);
    const rows = parts.ids.length;
    const arrays = [parts.flags, parts.dflt, parts.referLine, parts.defineLine, parts.head, parts.tail];
    if (
      arrays.some((a) => a.length < rows) ||
      parts.next.length < parts.links ||
      parts.group.length < parts.links
    )
      throw new Error("user table parts do not fit together");
    t.#ids = parts.ids;
    t.#flags = parts.flags;
    t.#dflt = parts.dflt;
    t.#referLine = parts.referLine;
    t.#defineLine = parts.defineLine;
    t.#moreLines = new Map(parts.moreLines);
    t.#head = parts.head;
    t.#tail = parts.tail;
    t.#next = parts.next;
    t.#group = parts.group;
    t.#links = parts.links;
    t.#groupNames = parts.groupNames;
    t.#rows = IdIndex.fromParts(parts.rows);
    for (let g = 0; g < parts.groupNames.length; g++) t.#groupNumbers.set(parts.groupNames[g] as string, g);
    return t;
  }

  /** A 0200 record: `id` upper case, `defaultGroup` upper case or "". */
  define(id: string, line: number, special: boolean, revoked: boolean, defaultGroup: string): void {
    const row = this.#row(id);
    const flags = this.#flags[row] as number;
    if (flags & DEFINED) {
      const more = this.#moreLines.get(row);
      if (more) more.push(line);
      else this.#moreLines.set(row, [line]);
    } else this.#defineLine[row] = line;
    this.#flags[row] = DEFINED | (special ? SPECIAL : 0) | (revoked ? REVOKED : 0);
    if (defaultGroup) {
      const g = this.#groupNumber(defaultGroup);
      this.#addGroup(row, g);
      this.#dflt[row] = g + 1;
    }
  }

  /** A 0205 record: `id` and `group` upper case. */
  connect(id: string, group: string, line: number): void {
    const known = this.#find(id);
    const row = known >= 0 ? known : this.#row(id);
    if (known < 0) this.#referLine[row] = line;
    this.#addGroup(row, this.#groupNumber(group));
  }

  /** The user with this id (upper case), built on first request. */
  get(id: string): User | undefined {
    const row = this.#find(id);
    return row < 0 ? undefined : this.#build(row);
  }

  /**
   * Every user, in the order the unload first named them. The array is the table's own list of
   * built users (no second array of 300,000 entries at the peak of `racfring model --json`).
   */
  all(): User[] {
    for (let row = 0; row < this.#ids.length; row++) this.#build(row);
    return this.#built as User[];
  }

  /**
   * Tell `target` what the records said, one user at a time, through the same calls the reader
   * made before users were kept in columns: used when the model already holds users (a second
   * unload, a JCL deck read first), where those calls merge with what is there.
   */
  replay(target: {
    user(id: string): User | undefined;
    referUser(id: string, source: Source): User;
    defineUser(id: string, source: Source): User;
  }): void {
    for (let row = 0; row < this.#ids.length; row++) {
      const id = this.#ids[row] as string;
      let user = target.user(id);
      const refer = this.#referLine[row] as number;
      if (!user && refer > 0) user = target.referUser(id, this.#source(refer));
      for (const line of this.#lines(row)) user = target.defineUser(id, this.#source(line));
      if (!user) continue;
      const flags = this.#flags[row] as number;
      if (flags & DEFINED) {
        user.special = (flags & SPECIAL) !== 0;
        user.revoked = (flags & REVOKED) !== 0;
      }
      for (let link = this.#head[row] as number; link >= 0; link = this.#next[link] as number) {
        const group = this.#groupNames[this.#group[link] as number] as string;
        if (!user.groups.includes(group)) user.groups = user.groups.concat(group);
      }
      const dflt = this.#dflt[row] as number;
      if (dflt > 0) user.defaultGroup = this.#groupNames[dflt - 1] as string;
    }
  }

  #lines(row: number): number[] {
    const first = this.#defineLine[row] as number;
    if (first === 0) return [];
    return [first, ...(this.#moreLines.get(row) ?? [])];
  }

  #source(line: number): Source {
    return { file: this.#file, line, kind: "unload" };
  }

  #build(row: number): User {
    const known = this.#built[row];
    if (known) return known;
    const flags = this.#flags[row] as number;
    const sources: Source[] = [];
    const refer = this.#referLine[row] as number;
    if (refer > 0) sources.push(this.#source(refer));
    const first = this.#defineLine[row] as number;
    if (first > 0) {
      sources.push(this.#source(first));
      for (const line of this.#moreLines.get(row) ?? []) sources.push(this.#source(line));
    }
    const groups: string[] = [];
    for (let link = this.#head[row] as number; link >= 0; link = this.#next[link] as number)
      groups.push(this.#groupNames[this.#group[link] as number] as string);
    const user: User = {
      id: this.#ids[row] as string,
      special: (flags & SPECIAL) !== 0,
      implied: (flags & DEFINED) === 0,
      groups,
      revoked: (flags & REVOKED) !== 0,
      sources,
    };
    const dflt = this.#dflt[row] as number;
    if (dflt > 0) user.defaultGroup = this.#groupNames[dflt - 1] as string;
    this.#built[row] = user;
    return user;
  }

  #find(id: string): number {
    if (id === this.#lastId) return this.#lastRow;
    const row = this.#rows.get(id);
    if (row < 0) return -1;
    this.#lastId = id;
    this.#lastRow = row;
    return row;
  }

  #row(id: string): number {
    const known = this.#find(id);
    if (known >= 0) return known;
    const row = this.#ids.length;
    if (row === this.#flags.length) this.#growRows();
    this.#ids.push(id);
    this.#rows.set(id, row);
    this.#lastId = id;
    this.#lastRow = row;
    return row;
  }

  #groupNumber(name: string): number {
    let g = this.#groupNumbers.get(name);
    if (g === undefined) {
      g = this.#groupNames.length;
      this.#groupNames.push(name);
      this.#groupNumbers.set(name, g);
    }
    return g;
  }

  #addGroup(row: number, group: number): void {
    for (let link = this.#head[row] as number; link >= 0; link = this.#next[link] as number)
      if (this.#group[link] === group) return;
    const link = this.#links++;
    if (link === this.#next.length) {
      this.#next = grow(this.#next);
      this.#group = grow(this.#group);
    }
    this.#next[link] = -1;
    this.#group[link] = group;
    const tail = this.#tail[row] as number;
    if (tail < 0) this.#head[row] = link;
    else this.#next[tail] = link;
    this.#tail[row] = link;
  }

  #growRows(): void {
    const n = this.#flags.length * 2;
    const flags = new Uint8Array(n);
    flags.set(this.#flags);
    this.#flags = flags;
    this.#dflt = grow(this.#dflt);
    this.#referLine = grow(this.#referLine);
    this.#defineLine = grow(this.#defineLine);
    this.#head = grow(this.#head, -1);
    this.#tail = grow(this.#tail, -1);
  }
}

function grow(a: Int32Array<ArrayBuffer>, fill = 0): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
