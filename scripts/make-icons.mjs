// @ts-check
// Draws Lapse's icon (a clock whose last quarter has turned amber: time running out) and writes
// public/icons/icon-{16,32,48,128}.png. Pure geometry with 4×4 supersampling; no image library.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** @typedef {[r: number, g: number, b: number]} Rgb */
/** @type {Rgb} */
const TEAL = [15, 118, 110];
/** @type {Rgb} */
const WHITE = [255, 255, 255];
/** @type {Rgb} */
const AMBER = [245, 158, 11];

/**
 * Colour of the design at (x, y) in a unit square; null outside the tile (transparent).
 * @param {number} x
 * @param {number} y
 * @returns {Rgb | null}
 */
function sample(x, y) {
  const r = 0.2; // corner radius of the tile
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null; // outside the rounded tile
  const dx = x - 0.5;
  const dy = y - 0.5;
  const d = Math.hypot(dx, dy);
  const angle = (Math.atan2(dx, -dy) + 2 * Math.PI) % (2 * Math.PI); // 0 at 12 o'clock, clockwise
  if (d > 0.27 && d < 0.36) return angle > 1.5 * Math.PI ? AMBER : WHITE; // the dial; last quarter amber
  if (d < 0.055) return WHITE; // hub
  // Hands: minute hand up, hour hand towards 4 o'clock.
  /** @type {(ux: number, uy: number, len: number, w: number) => boolean} */
  const along = (ux, uy, len, w) => {
    const t = dx * ux + dy * uy;
    return t > 0 && t < len && Math.abs(dx * uy - dy * ux) < w;
  };
  if (along(0, -1, 0.22, 0.028)) return WHITE;
  if (along(Math.sin(2.1), -Math.cos(2.1), 0.16, 0.03)) return WHITE;
  return TEAL;
}

/** @param {Buffer} buf */
function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type
 * @param {Buffer} data
 */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** @param {number} size */
function png(size) {
  const SS = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const c = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      const o = 1 + px * 4;
      if (a > 0) {
        row[o] = Math.round(r / a);
        row[o + 1] = Math.round(g / a);
        row[o + 2] = Math.round(b / a);
      }
      row[o + 3] = Math.round((255 * a) / (SS * SS));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
console.log('wrote public/icons/icon-{16,32,48,128}.png');
