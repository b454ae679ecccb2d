extension BinnedDataset {
    /// Stable partition of the rows `rows[start..<start + count]` by their bin in `feature`: those whose bin
    /// `goesLeft` first, in their order, then the others, in theirs. Returns how many went left.
    ///
    /// The rows going right wait in `scratch` (at least `count` long). Inlined so that each grower's test
    /// (`SplitRule.goesLeft(bin:)`, or a table of it) compiles into the loop as if written there.
    @inline(__always)
    func partition(
        _ rows: inout [UInt32], start: Int, count: Int, feature: Int, scratch: inout [UInt32], goesLeft: (UInt8) -> Bool
    ) -> Int {
        let rowCount = self.rowCount
        return bins.withUnsafeBufferPointer { bins in
            rows.withUnsafeMutableBufferPointer { rows in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    let column = bins.baseAddress! + feature * rowCount
                    var left = start
                    var right = 0
                    for i in start..<(start + count) {
                        let row = rows[i]
                        if goesLeft(column[Int(row)]) {
                            rows[left] = row
                            left += 1
                        } else {
                            scratch[right] = row
                            right += 1
                        }
                    }
                    for i in 0..<right { rows[left + i] = scratch[i] }
                    return left - start
                }
            }
        }
    }
}
