extension CronField {
    /// Parses one field: `*`, a value or name, a range `a-b`, a step `*/s`, `a-b/s` or
    /// `a/s` (from `a` to the field's end), or a comma-separated list of those.
    init(parsing text: Substring, as kind: CronFieldKind, in expression: String) throws(CronParseError) {
        func fail(_ reason: String) -> CronParseError {
            CronParseError(expression: expression, reason: "\(kind.rawValue) field '\(text)': \(reason)")
        }
        func value(_ token: Substring) throws(CronParseError) -> Int {
            guard let value = Int(token) ?? kind.value(named: String(token)) else {
                throw fail("'\(token)' is not a number\(kind == .month || kind == .dayOfWeek ? " or a name" : "")")
            }
            guard kind.bounds.contains(value) else {
                throw fail("\(value) is outside \(kind.bounds.lowerBound)-\(kind.bounds.upperBound)")
            }
            return value
        }

        var values: [Int] = []
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        for item in items {
            let parts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2, let rangeText = parts.first, !rangeText.isEmpty else {
                throw fail("'\(item)' is not a value, range or step")
            }
            var step = 1
            if parts.count == 2 {
                guard let parsed = Int(parts[1]), parsed > 0 else { throw fail("step '\(parts[1])' is not a positive number") }
                step = parsed
            }
            let range: ClosedRange<Int>
            if rangeText == "*" {
                range = kind == .dayOfWeek ? 0...6 : kind.bounds
            } else if let dash = rangeText.firstIndex(of: "-") {
                let low = try value(rangeText[..<dash])
                let high = try value(rangeText[rangeText.index(after: dash)...])
                guard low <= high else { throw fail("range \(rangeText) runs backwards") }
                range = low...high
            } else {
                let start = try value(rangeText)
                range = start...(parts.count == 2 ? kind.bounds.upperBound : start)
            }
            values.append(contentsOf: stride(from: range.lowerBound, through: range.upperBound, by: step))
        }
        if kind == .dayOfWeek {
            values = values.map { $0 == 7 ? 0 : $0 }
        }
        self.init(values: values, isWildcard: text.first == "*")
    }
}
