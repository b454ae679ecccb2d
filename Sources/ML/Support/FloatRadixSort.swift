/// Sorts non-NaN Float values by their bit patterns, least significant byte first: linear time, which matters
/// when binning sorts every column of a large dataset.
enum FloatRadixSort {
    /// `values` in ascending order (`-0.0` and `0.0` compare as different keys, `-0.0` first).
    static func sort(_ values: inout [Float]) {
        let count = values.count
        guard count > 64 else {
            values.sort()
            return
        }
        // Order-preserving keys: flip every bit of negatives, only the sign bit of positives.
        var keys = values.map { value -> UInt32 in
            let bits = value.bitPattern
            return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
        }
        var buffer = [UInt32](repeating: 0, count: count)
        keys.withUnsafeMutableBufferPointer { keys in
            buffer.withUnsafeMutableBufferPointer { buffer in
                var source = keys
                var target = buffer
                for shift in stride(from: 0, to: 32, by: 8) {
                    var counts = [Int](repeating: 0, count: 257)
                    for key in source { counts[Int((key >> UInt32(shift)) & 0xFF) + 1] += 1 }
                    // A pass where every key has the same byte leaves the order unchanged: skip it.
                    if counts.contains(count) { continue }
                    for i in 1...256 { counts[i] += counts[i - 1] }
                    for key in source {
                        let digit = Int((key >> UInt32(shift)) & 0xFF)
                        target[counts[digit]] = key
                        counts[digit] += 1
                    }
                    swap(&source, &target)
                }
                if source.baseAddress != keys.baseAddress {
                    for i in 0..<count { keys[i] = source[i] }
                }
            }
        }
        for i in 0..<count {
            let key = keys[i]
            values[i] = Float(bitPattern: key & 0x8000_0000 != 0 ? key & 0x7FFF_FFFF : ~key)
        }
    }
}
