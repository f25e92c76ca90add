import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/**
 * The two primitives storage needs beyond SQLCipher, both from Node's crypto (OpenSSL):
 * scrypt to turn a passphrase into a key, AES-256-GCM to seal bytes with it. Nothing home-made.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About 128 MiB and a good fraction of a second per try: slow for a guesser, fine once per start. */
export const SCRYPT_DEFAULT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Parameters read from a file are bounded, so a crafted file cannot make us allocate gigabytes. */
export function checkScryptParams(params: unknown): ScryptParams | null {
  if (typeof params !== 'object' || params === null) return null;
  const { N, r, p } = params as Record<string, unknown>;
  const ok =
    Number.isInteger(N) && Number.isInteger(r) && Number.isInteger(p) &&
    (N as number) >= 2 ** 10 && (N as number) <= 2 ** 20 && ((N as number) & ((N as number) - 1)) === 0 &&
    (r as number) >= 1 && (r as number) <= 32 && (p as number) >= 1 && (p as number) <= 16;
  return ok ? { N: N as number, r: r as number, p: p as number } : null;
}

export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams, length = 32): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, length, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

export function gcmSeal(key: Buffer, plain: Buffer, aad?: Buffer, iv: Buffer = randomBytes(12)): Sealed {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), data };
}

/** Opens sealed bytes; null when the key is wrong or a byte was changed (authentication failed). */
export function gcmOpen(key: Buffer, sealed: Sealed, aad?: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    if (aad) decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.data), decipher.final()]);
  } catch {
    return null;
  }
}
