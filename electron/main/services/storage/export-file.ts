import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fieldError } from '../errors';
import { SCRYPT_DEFAULT, checkScryptParams, deriveKey, gcmOpen, gcmSeal, type ScryptParams } from './crypto';

/**
 * The `.vertaistuki` file that moves a group to a new computer: the whole database, compressed,
 * sealed with AES-256-GCM under a key that scrypt derives from a passphrase the facilitator chooses.
 *
 *   "VERTAISTUKI-EXPORT\n" | header length (uint32 BE) | header (JSON) | ciphertext | GCM tag (16)
 *
 * The header (format, app and schema version, scrypt parameters, IV, a passphrase check) is
 * authenticated with the contents, so changing any byte anywhere makes the file refused. The
 * check value (an HMAC under a second derived key) tells a wrong passphrase from a damaged file.
 */
const MAGIC = Buffer.from('VERTAISTUKI-EXPORT\n', 'ascii');
export const EXPORT_FORMAT = 1;
const TAG_BYTES = 16;
const MAX_HEADER = 4096;

interface Header {
  format: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  kdf: { name: 'scrypt'; salt: string } & ScryptParams;
  cipher: 'aes-256-gcm';
  iv: string;
  check: string;
}

const checkValue = (checkKey: Buffer) => createHmac('sha256', checkKey).update('vertaistuki export passphrase').digest();

async function keysFor(passphrase: string, salt: Buffer, params: ScryptParams) {
  const both = await deriveKey(passphrase, salt, params, 64);
  return { encryption: both.subarray(0, 32), check: both.subarray(32) };
}

export interface ExportMeta {
  appVersion: string;
  schemaVersion: number;
  createdAt?: Date;
}

export async function sealExport(database: Buffer, passphrase: string, meta: ExportMeta, params = SCRYPT_DEFAULT): Promise<Buffer> {
  const salt = randomBytes(16);
  const keys = await keysFor(passphrase, salt, params);
  const iv = randomBytes(12);
  const header: Header = {
    format: EXPORT_FORMAT,
    appVersion: meta.appVersion,
    schemaVersion: meta.schemaVersion,
    createdAt: (meta.createdAt ?? new Date()).toISOString(),
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    check: checkValue(keys.check).toString('base64'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const prefix = Buffer.concat([MAGIC, length, headerBytes]);
  const sealed = gcmSeal(keys.encryption, gzipSync(database), prefix, iv);
  return Buffer.concat([prefix, sealed.data, sealed.tag]);
}

const damaged = (why: string) => fieldError('file', 'exportDamaged', `The file is damaged or incomplete: ${why}.`);

interface Parsed {
  header: Header;
  prefix: Buffer;
  body: Buffer;
  tag: Buffer;
}

function parse(file: Buffer): Parsed {
  if (file.length < MAGIC.length || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw fieldError('file', 'exportNotOurs', 'The file is not a Vertaistuki export.');
  }
  if (file.length < MAGIC.length + 4) throw damaged('too short');
  const length = file.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (length > MAX_HEADER || file.length < start + length + TAG_BYTES) throw damaged('too short');
  let header: Header;
  try {
    header = JSON.parse(file.subarray(start, start + length).toString('utf8')) as Header;
  } catch {
    throw damaged('unreadable header');
  }
  return {
    header,
    prefix: file.subarray(0, start + length),
    body: file.subarray(start + length, file.length - TAG_BYTES),
    tag: file.subarray(file.length - TAG_BYTES),
  };
}

/** What the header says before the passphrase is tried: used to refuse a newer file at once. */
export function readExportHeader(file: Buffer): Pick<Header, 'format' | 'appVersion' | 'schemaVersion' | 'createdAt'> {
  const { header } = parse(file);
  return { format: header.format, appVersion: header.appVersion, schemaVersion: header.schemaVersion, createdAt: header.createdAt };
}

/**
 * Opens an export. Refuses, with a field error on `file` or `passphrase`: a file that is not an
 * export, a newer format or schema, a wrong passphrase, and any changed or missing byte.
 */
export async function openExport(file: Buffer, passphrase: string, latestSchema: number): Promise<Buffer> {
  const { header, prefix, body, tag } = parse(file);
  if (typeof header.format !== 'number' || header.format > EXPORT_FORMAT || header.schemaVersion > latestSchema) {
    throw fieldError('file', 'exportNewer', `The file was made by a newer version of the app (${String(header.appVersion)}).`);
  }
  const params = checkScryptParams(header.kdf);
  if (!params || header.cipher !== 'aes-256-gcm' || typeof header.iv !== 'string' || typeof header.check !== 'string') {
    throw damaged('unknown parameters');
  }
  const keys = await keysFor(passphrase, Buffer.from(header.kdf.salt, 'base64'), params);
  const expected = checkValue(keys.check);
  const given = Buffer.from(header.check, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw fieldError('passphrase', 'wrongPassphrase', 'The passphrase does not open this file.');
  }
  const plain = gcmOpen(keys.encryption, { iv: Buffer.from(header.iv, 'base64'), tag, data: body }, prefix);
  if (!plain) throw damaged('authentication failed');
  try {
    return gunzipSync(plain);
  } catch {
    throw damaged('contents cannot be unpacked');
  }
}
