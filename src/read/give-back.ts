/**
 * Gives an array buffer's memory back now, not at V8's next full collection. A store's chunks are old by the time
 * they are let go, and an old array buffer is freed only by a full collection, which may come only once the check
 * has grown the heap beside them. Its memory is moved to a fresh buffer that nothing keeps, which the next young
 * collection frees; the buffer given is detached (empty) afterwards.
 */
export function giveBack(buffer: ArrayBufferLike): void {
  if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
}
