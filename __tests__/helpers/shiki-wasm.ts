/**
 * Jest maps `shiki/wasm` here (__tests__/jest.config.mjs). shiki's own loader needs
 * `Response` and `DecompressionStream`, which the jsdom environment does not have; this
 * loads the same oniguruma binary (shiki's onig.wasm) from disk, so the rest of the
 * highlighting pipeline under test is the real one.
 */
import { readFileSync } from 'node:fs';

const bytes = readFileSync(require.resolve('shiki/onig.wasm'));

export const getWasmInstance = (info: WebAssembly.Imports) => WebAssembly.instantiate(bytes, info).then((wasm) => wasm.instance.exports);

export default getWasmInstance;
