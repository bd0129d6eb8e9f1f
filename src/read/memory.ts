/**
 * How the reader's stores hold their memory, so that what they let go goes back to the system.
 *
 * glibc's malloc serves a block of at least its mmap threshold (128 KB at start) as a mapping of its own, unmapped
 * when freed; smaller blocks come from heaps it keeps, one per thread that allocates. Freeing a mapped block larger
 * than the threshold raises the threshold to that block's size, and the trim threshold to twice it (up to 32 MB),
 * and a heap keeps up to that much free memory at its top rather than give it back. V8's compiler threads are
 * busiest as a check starts, right after the reader lets go of what it no longer needs: with the reader's buffers at
 * up to 4 MB, their heaps held 15 to 25 MB free through the check of a 1M-row file (malloc_stats), a large part of
 * its peak. (Free memory inside those heaps, between blocks still in use, stays whatever the thresholds.)
 *
 * So the stores are made of blocks of about BLOCK_BYTES: larger than the buffers freed as a run starts (the
 * bundle's text is read through one of 400 KB), so that they are mappings of their own and go back to the system
 * when let go, and small enough that letting them go leaves the thresholds low. The file is read through a smaller
 * buffer still (node.ts), so the scanner's and the decoder's buffers, as large as a chunk of it, stay small too.
 */
export const BLOCK_BYTES = 1 << 20;

/**
 * Gives an array buffer's memory back now, not at V8's next full collection. A store's blocks are old by the time
 * they are let go, and an old array buffer is freed only by a full collection, which may come only once the check
 * has grown the heap beside them. Its memory is moved to a fresh buffer that nothing keeps, which the next young
 * collection frees; the buffer given is detached (empty) afterwards. (Moved while V8 is marking the heap in steps,
 * the fresh buffer is kept until a later marking: the CLI has V8 mark a large input's heap in one pause, see
 * cli/heap.ts.)
 */
export function giveBack(buffer: ArrayBufferLike): void {
  if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
}
