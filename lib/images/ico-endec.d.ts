/** ico-endec ships no types: what lib/images/icons.ts and its test use of it. */
declare module 'ico-endec' {
  interface IconEntry {
    width: number;
    height: number;
    imageType: 'png' | 'bmp';
    imageData: Buffer;
  }
  /** An ICO file with one entry per image (PNG or BMP data). */
  export function encode(images: Buffer[]): Buffer;
  /** The entries of an ICO file. */
  export function decode(ico: Buffer): IconEntry[];
  const icoEndec: { encode: typeof encode; decode: typeof decode };
  export default icoEndec;
}
