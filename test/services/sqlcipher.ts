import { createDecipheriv, createHmac, pbkdf2Sync } from 'node:crypto';

/**
 * Reading an encrypted store the way anyone holding its key could (the facilitator's own keychain
 * holds it), without SQLite: page by page with node:crypto. What a forensic test finds in these
 * plain page images is what SQLite itself could still read, free pages and stale log frames included.
 *
 * The format is SQLCipher 4's, as SQLite3 Multiple Ciphers writes it with `cipher=sqlcipher`,
 * `legacy=4` and a raw key (db/driver.ts); sqlcipher.test.ts checks every fact below against the
 * driver:
 *  - pages of 4096 bytes; the last 80 of each are reserved: a 16-byte IV, then a 64-byte HMAC;
 *  - the first 16 bytes of page 1 are the salt, not encrypted (the plain image has
 *    "SQLite format 3\0" there); the rest of page 1 and all of every other page, up to the
 *    reserved bytes, is AES-256-CBC without padding, with the raw key and the page's IV;
 *  - the HMAC is HMAC-SHA512 over ciphertext, IV and the page number (4 bytes, little-endian),
 *    keyed with PBKDF2-HMAC-SHA512(raw key, salt XOR 0x3a each byte, 2 iterations, 32 bytes);
 *  - the write-ahead log is plain SQLite's: a 32-byte header, then frames of a 24-byte header
 *    (page number big-endian first) and one page encrypted exactly as in the database file.
 */
export const SQLCIPHER_4 = {
  pageSize: 4096,
  reserve: 80,
  ivBytes: 16,
  hmacBytes: 64,
  saltBytes: 16,
  hmacSaltMask: 0x3a,
  fastKdfIter: 2,
} as const;

/** The driver's cipher settings this reader assumes (SQLite3 Multiple Ciphers' PRAGMA names and values). */
export const DRIVER_CIPHER_SETTINGS = {
  cipher: 'sqlcipher',
  legacy: 4,
  legacy_page_size: SQLCIPHER_4.pageSize,
  kdf_algorithm: 2, // SHA512 (unused with a raw key)
  hmac_algorithm: 2, // SHA512
  hmac_use: 1,
  hmac_pgno: 1, // little-endian
  hmac_salt_mask: SQLCIPHER_4.hmacSaltMask,
  fast_kdf_iter: SQLCIPHER_4.fastKdfIter,
  plaintext_header_size: 0,
} as const;

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGIC = [0x377f0682, 0x377f0683];
export const WAL_HEADER_BYTES = 32;
export const WAL_FRAME_HEADER_BYTES = 24;

/** A page whose HMAC does not match: another key or salt, another page number, or a changed byte. */
export class PageAuthError extends Error {
  constructor(readonly where: string) {
    super(`${where} does not authenticate with this key`);
    this.name = 'PageAuthError';
  }
}

/** Decrypts pages written under one key and one salt. */
export class PageCipher {
  private readonly hmacKey: Buffer;

  constructor(
    private readonly key: Buffer,
    readonly salt: Buffer,
  ) {
    if (key.length !== 32) throw new Error(`A raw SQLCipher key has 32 bytes, not ${key.length}.`);
    if (salt.length !== SQLCIPHER_4.saltBytes) throw new Error(`A SQLCipher salt has 16 bytes, not ${salt.length}.`);
    const mask = Buffer.from(salt.map((byte) => byte ^ SQLCIPHER_4.hmacSaltMask));
    this.hmacKey = pbkdf2Sync(key, mask, SQLCIPHER_4.fastKdfIter, 32, 'sha512');
  }

  /** Whether `page` (as stored) is page `pageNumber` under this key and salt. */
  authenticates(page: Buffer, pageNumber: number): boolean {
    const { encryptedFrom, hmacAt } = layout(pageNumber);
    if (page.length !== SQLCIPHER_4.pageSize) return false;
    const number = Buffer.alloc(4);
    number.writeUInt32LE(pageNumber);
    const mac = createHmac('sha512', this.hmacKey).update(page.subarray(encryptedFrom, hmacAt)).update(number).digest();
    return mac.equals(page.subarray(hmacAt, hmacAt + SQLCIPHER_4.hmacBytes));
  }

  /**
   * The plain image of page `pageNumber`, as SQLite holds it in memory: page 1 starts with the
   * SQLite header string, and the reserved bytes keep their IV and HMAC. Throws PageAuthError
   * if the page does not authenticate (nothing is decrypted from a page that does not).
   */
  decrypt(page: Buffer, pageNumber: number, where = `page ${pageNumber}`): Buffer {
    if (!this.authenticates(page, pageNumber)) throw new PageAuthError(where);
    const { encryptedFrom, ivAt } = layout(pageNumber);
    const decipher = createDecipheriv('aes-256-cbc', this.key, page.subarray(ivAt, ivAt + SQLCIPHER_4.ivBytes));
    decipher.setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(page.subarray(encryptedFrom, ivAt)), decipher.final()]);
    return Buffer.concat([pageNumber === 1 ? PLAIN_HEADER : Buffer.alloc(0), plain, page.subarray(ivAt)]);
  }
}

function layout(pageNumber: number) {
  const ivAt = SQLCIPHER_4.pageSize - SQLCIPHER_4.reserve;
  return { encryptedFrom: pageNumber === 1 ? SQLCIPHER_4.saltBytes : 0, ivAt, hmacAt: ivAt + SQLCIPHER_4.ivBytes };
}

export const isPlainSqlite = (bytes: Buffer): boolean => bytes.length >= 16 && bytes.subarray(0, 16).equals(PLAIN_HEADER);
export const isWal = (bytes: Buffer): boolean => bytes.length >= WAL_HEADER_BYTES && WAL_MAGIC.includes(bytes.readUInt32BE(0));

/** The salt of an encrypted database file (its first 16 bytes). */
export function saltOf(file: Buffer): Buffer {
  if (file.length < SQLCIPHER_4.pageSize) throw new Error('Not an encrypted database: shorter than one page.');
  if (isPlainSqlite(file)) throw new Error('Not an encrypted database: it is plain SQLite.');
  return Buffer.from(file.subarray(0, SQLCIPHER_4.saltBytes));
}

/** Whether a file is an encrypted database under `key` (its page 1 authenticates). */
export function isEncryptedDatabase(file: Buffer, key: Buffer): boolean {
  if (file.length < SQLCIPHER_4.pageSize || file.length % SQLCIPHER_4.pageSize !== 0 || isPlainSqlite(file)) return false;
  return new PageCipher(key, saltOf(file)).authenticates(file.subarray(0, SQLCIPHER_4.pageSize), 1);
}

/** Every page of an encrypted database file, decrypted (index 0 is page 1). Throws if any page does not authenticate. */
export function decryptDatabasePages(file: Buffer, key: Buffer): Buffer[] {
  const { pageSize } = SQLCIPHER_4;
  if (file.length % pageSize !== 0) throw new Error(`Not a database of ${pageSize}-byte pages: ${file.length} bytes.`);
  const cipher = new PageCipher(key, saltOf(file));
  return Array.from({ length: file.length / pageSize }, (_, i) => cipher.decrypt(file.subarray(i * pageSize, (i + 1) * pageSize), i + 1));
}

/** The plain database file: what `decryptDatabasePages` gives, as one file plain SQLite opens. */
export const decryptDatabase = (file: Buffer, key: Buffer): Buffer => Buffer.concat(decryptDatabasePages(file, key));

export interface WalFrame {
  /** Position in the log, from 0. */
  index: number;
  pageNumber: number;
  /** For a commit frame, the database size in pages after the commit; otherwise 0. */
  commitSize: number;
  /** The frame's salts: equal to the header's for frames of the current generation of the log. */
  salts: [number, number];
  /** The decrypted page. */
  page: Buffer;
}

export interface DecryptedWal {
  pageSize: number;
  salts: [number, number];
  /** Every frame in the file: those of the current generation and any stale ones after them. */
  frames: WalFrame[];
}

/**
 * Every frame of a write-ahead log, decrypted, whether SQLite would still use it or not. The
 * pages are encrypted with the database's salt (`databaseSalt`, from the main file); a log whose
 * main file is gone carries the salt in its own frames of page 1, which are tried too.
 * Throws if a frame authenticates under none of them.
 */
export function decryptWal(wal: Buffer, key: Buffer, databaseSalt: Buffer | null): DecryptedWal {
  if (!isWal(wal)) throw new Error('Not a write-ahead log (no WAL magic number).');
  const pageSize = wal.readUInt32BE(8);
  if (pageSize !== SQLCIPHER_4.pageSize) throw new Error(`A log of ${pageSize}-byte pages is not this store's.`);
  const frameBytes = WAL_FRAME_HEADER_BYTES + pageSize;
  const raw: { index: number; header: Buffer; page: Buffer }[] = [];
  for (let at = WAL_HEADER_BYTES, index = 0; at + frameBytes <= wal.length; at += frameBytes, index += 1) {
    raw.push({ index, header: wal.subarray(at, at + WAL_FRAME_HEADER_BYTES), page: wal.subarray(at + WAL_FRAME_HEADER_BYTES, at + frameBytes) });
  }
  const salts = [databaseSalt, ...raw.filter((f) => f.header.readUInt32BE(0) === 1).map((f) => f.page.subarray(0, SQLCIPHER_4.saltBytes))]
    .filter((salt): salt is Buffer => salt !== null);
  const ciphers = salts.map((salt) => new PageCipher(key, salt));
  const frames = raw.map(({ index, header, page }) => {
    const pageNumber = header.readUInt32BE(0);
    const cipher = ciphers.find((c) => c.authenticates(page, pageNumber));
    if (!cipher) throw new PageAuthError(`log frame ${index} (page ${pageNumber})`);
    return {
      index,
      pageNumber,
      commitSize: header.readUInt32BE(4),
      salts: [header.readUInt32BE(8), header.readUInt32BE(12)] as [number, number],
      page: cipher.decrypt(page, pageNumber),
    };
  });
  return { pageSize, salts: [wal.readUInt32BE(16), wal.readUInt32BE(20)], frames };
}

/**
 * The frames SQLite would read: those of the log's current generation (salts as in the header),
 * up to the last commit frame. (SQLite also checks each frame's running checksum; frames of an
 * earlier generation already differ in their salts.)
 */
export function committedFrames({ salts, frames }: DecryptedWal): WalFrame[] {
  const current: WalFrame[] = [];
  for (const frame of frames) {
    if (frame.salts[0] !== salts[0] || frame.salts[1] !== salts[1]) break;
    current.push(frame);
  }
  const lastCommit = current.findLastIndex((frame) => frame.commitSize > 0);
  return current.slice(0, lastCommit + 1);
}

/** The plain database as SQLite sees it with its log: the decrypted file with the committed frames applied. */
export function replayWal(databasePages: readonly Buffer[], wal: DecryptedWal): Buffer {
  const pages = [...databasePages];
  let size = pages.length;
  for (const frame of committedFrames(wal)) {
    pages[frame.pageNumber - 1] = frame.page;
    if (frame.commitSize > 0) size = frame.commitSize;
  }
  return Buffer.concat(pages.slice(0, size));
}
