/// A raw buffer that parallel workers write through, each worker in its own disjoint index range.
///
/// Why `@unchecked Sendable` is safe here:
/// 1. Values are only created inside `Parallel.forEachChunk` callers, from memory the caller owns and keeps
///    alive for the whole call (a `withUnsafeMutableBufferPointer` scope or an allocation freed after it).
/// 2. Each chunk index handed to the workers maps to a range of indices no other chunk touches (feature
///    blocks of a histogram, row blocks of a prediction array), so no two threads ever access one element.
/// 3. `Parallel.forEachChunk` returns only after every chunk has finished (`DispatchQueue.concurrentPerform` by
///    itself; `SpinningThreadPool.run` by waiting, with acquiring loads, for each chunk's releasing increment of its
///    finished count), which orders all worker writes before any read the caller makes afterwards; the buffer never
///    escapes that call.
struct DisjointWriteBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // An empty buffer has no base address; an aligned dangling one is never dereferenced because no index is valid.
        base = buffer.baseAddress ?? UnsafeMutablePointer<Element>(bitPattern: MemoryLayout<Element>.alignment)!
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
