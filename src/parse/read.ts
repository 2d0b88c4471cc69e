// Reading a file as text: binary files are recognised (NUL bytes, as git does) and skipped,
// UTF-16 with a byte order mark is decoded, a UTF-8 BOM is dropped, invalid UTF-8 becomes U+FFFD.
// Files are opened without following a final symbolic link and without blocking (a FIFO), and
// their size is checked on the open descriptor before a byte is read.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { SkipReason } from '../model/types.js';

export type ReadResult = { text: string } | { skip: SkipReason; detail?: string };

/** What identifies a file's version without reading it, as git's index does. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

const BINARY_SNIFF_BYTES = 8000;

export function readText(absolutePath: string, maxBytes: number): ReadResult {
  const read = readBytes(absolutePath, maxBytes);
  return 'bytes' in read ? decode(read.bytes) : read;
}

/** Counts reads and decodings, so a test can show that each file is read once and decoded only when needed. */
export const readCounter = { files: 0, decoded: 0 };

/**
 * The bytes of a regular file of at most maxBytes, with its stamp. Opened without blocking (a
 * FIFO swapped in after discovery cannot hang the scan) and, unless followLinks, never through a
 * symbolic link (one swapped in after discovery cannot lead out); the size is checked on the open
 * descriptor before a byte is read.
 */
function readRegularFile(
  absolutePath: string,
  maxBytes: number,
  followLinks: boolean,
): { bytes: Buffer; stamp: FileStamp } | { skip: 'symlink' | 'special-file' | 'too-large' | 'unreadable'; detail?: string; stamp?: FileStamp } {
  let fd: number;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ELOOP' ? { skip: 'symlink' } : { skip: 'unreadable', detail: code };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { skip: 'special-file' };
    const stamp = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
    if (stat.size > maxBytes) return { skip: 'too-large', detail: `${stat.size} > ${maxBytes} bytes`, stamp };
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read), stamp };
  } catch (error) {
    return { skip: 'unreadable', detail: (error as NodeJS.ErrnoException).code };
  } finally {
    closeSync(fd);
  }
}

/** A scanned file's bytes, read once, refusing links, special files and files above the size cap. */
export function readBytes(absolutePath: string, maxBytes: number): { bytes: Buffer; stamp: FileStamp } | { skip: SkipReason; detail?: string; stamp?: FileStamp } {
  const read = readRegularFile(absolutePath, maxBytes, false);
  if ('bytes' in read) readCounter.files++;
  return read;
}

/**
 * A small file cadre reads for itself (a .gitignore, the configuration, a rule file): a regular
 * file of at most maxBytes, never through a symbolic link unless followLinks. Returns its text
 * (UTF-8), or why it was not read.
 */
export function readSmallFile(
  absolutePath: string,
  maxBytes: number,
  options: { followLinks?: boolean } = {},
): { text: string } | { skip: 'symlink' | 'special-file' | 'too-large' | 'unreadable'; detail?: string } {
  const read = readRegularFile(absolutePath, maxBytes, options.followLinks ?? false);
  if ('bytes' in read) return { text: read.bytes.toString('utf8') };
  return read.detail === undefined ? { skip: read.skip } : { skip: read.skip, detail: read.detail };
}

/** Bytes that decode as UTF-8 (or ASCII) text: no UTF-16 byte order mark, no NUL among the first 8,000 (as git decides). */
export function isEightBitText(bytes: Buffer): boolean {
  return !hasUtf16Mark(bytes) && !bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function hasUtf16Mark(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

export function decode(bytes: Buffer): ReadResult {
  readCounter.decoded++;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (!isEightBitText(bytes)) return { skip: 'binary' };
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { text: bytes.toString('utf8', start) };
}
