import sharp from 'sharp';

// Perceptual hashes of frames: dHash (difference hash). The frame is decoded by sharp (libvips),
// turned grey and shrunk to 9×8; each of the 64 bits says whether a pixel is brighter than its
// right neighbour. Re-encoding, rescaling and small colour changes flip few bits; different
// scenes flip about half of them.

export const FRAME_HASH_BYTES = 8;

/** The 64-bit dHash of an encoded image (JPEG, PNG, …) as 8 bytes. */
export async function frameDHash(image: Buffer): Promise<Buffer> {
  const px = await sharp(image).greyscale().resize(9, 8, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
  return dHashFromGrey(px, 9, 8);
}

/** dHash of a 9×8 grey raster (one byte per pixel, row-major). */
export function dHashFromGrey(px: Uint8Array, width = 9, height = 8): Buffer {
  if (width !== 9 || height !== 8 || px.length < 72) throw new Error('dHash needs a 9×8 grey raster');
  const out = Buffer.alloc(FRAME_HASH_BYTES);
  for (let y = 0; y < 8; y++) {
    let byte = 0;
    for (let x = 0; x < 8; x++) if (px[y * 9 + x]! > px[y * 9 + x + 1]!) byte |= 1 << x;
    out[y] = byte;
  }
  return out;
}

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits that differ between two 64-bit hashes given as (lo, hi) 32-bit halves. */
export function hamming(aLo: number, aHi: number, bLo: number, bHi: number): number {
  return popcount32((aLo ^ bLo) >>> 0) + popcount32((aHi ^ bHi) >>> 0);
}

/** A video's frame hashes (8 bytes each, as stored) as interleaved (lo, hi) 32-bit halves. */
export function frameHashWords(bytes: Uint8Array): Uint32Array {
  const n = Math.floor(bytes.byteLength / FRAME_HASH_BYTES);
  const out = new Uint32Array(n * 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    out[i * 2] = view.getUint32(i * 8, true);
    out[i * 2 + 1] = view.getUint32(i * 8 + 4, true);
  }
  return out;
}
