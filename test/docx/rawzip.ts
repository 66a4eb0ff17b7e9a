// A minimal zip writer for hostile test files: entries with any declared size (a lying bomb), raw
// deflate data made by zlib, or thousands of entries. fflate's zipSync cannot write a lie.

import * as zlib from 'zlib';

export interface RawEntry {
  name: string;
  /** Compressed bytes as stored. */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size written in the headers (need not be true). */
  declaredSize: number;
}

export function deflated(name: string, content: Buffer, declaredSize = content.length): RawEntry {
  return { name, data: zlib.deflateRawSync(content, { level: 1 }), method: 8, declaredSize };
}

export function stored(name: string, content: string): RawEntry {
  const data = Buffer.from(content, 'utf8');
  return { name, data, method: 0, declaredSize: data.length };
}

export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xfffe), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xfffe), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A compound file (OLE) like an encrypted Office document: the CFB signature, and directory entries
 * "EncryptionInfo" and "EncryptedPackage" (names in UTF-16LE, as CFB stores them). Synthetic: only
 * the parts a reader looks at to recognise it.
 */
export function oleWith(names: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const dir = Buffer.alloc(512);
  ['Root Entry', ...names].slice(0, 4).forEach((n, i) => {
    const name = Buffer.from(n + '\u0000', 'utf16le');
    name.copy(dir, i * 128);
    dir.writeUInt16LE(name.length, i * 128 + 64);
    dir.writeUInt8(i === 0 ? 5 : 2, i * 128 + 66);
  });
  return Buffer.concat([header, dir]);
}
