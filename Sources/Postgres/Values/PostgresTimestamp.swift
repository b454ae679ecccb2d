import Foundation

/// Formats and parses `timestamptz` / `date` text in ISO style, UTC, without `DateFormatter`.
///
/// Connections set `TimeZone = 'UTC'` and `DateStyle = 'ISO, YMD'`, so the server prints
/// `2026-03-01 18:30:00.25+00`; input is written the same way.
enum PostgresTimestamp {
    private static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `date` as `YYYY-MM-DD HH:MM:SS.ffffff+00`, to the microsecond (PostgreSQL's precision).
    static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `date` in the `format(_:)` form to `bytes`, without intermediate strings (COPY's hot path).
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var days = micros / microsecondsPerDay
        var inDay = micros % microsecondsPerDay
        if inDay < 0 {
            inDay += microsecondsPerDay
            days -= 1
        }
        let (year, month, day) = civil(fromDays: days)
        let seconds = inDay / 1_000_000
        // PostgreSQL has no year 0: proleptic year 0 is 1 BC, -1 is 2 BC.
        appendDigits(year > 0 ? year : 1 - year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendDigits(seconds / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(inDay % 1_000_000, width: 6, to: &bytes)
        bytes.append(contentsOf: "+00".utf8)
        if year <= 0 { bytes.append(contentsOf: " BC".utf8) }
    }

    /// Appends `value` (≥ 0) in decimal, zero-padded to at least `width` digits.
    private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var remaining = value
        var written = 0
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
            written += 1
        } while remaining > 0 || written < width
        bytes[start...].reverse()
    }

    /// Parses `YYYY-MM-DD`, optionally followed by ` HH:MM[:SS[.f…]]` and an offset `±HH[:MM[:SS]]` or `Z`.
    /// Years before 1 carry a ` BC` suffix, as PostgreSQL prints them.
    static func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)[...]
        let isBC = bytes.count > 3 && bytes.suffix(3).elementsEqual(" BC".utf8)
        if isBC { bytes = bytes.dropLast(3) }
        let yearDigits = bytes.prefix { $0 != UInt8(ascii: "-") }.count
        guard yearDigits >= 4, let printedYear = number(&bytes, digits: yearDigits), bytes.popFirst() == UInt8(ascii: "-"),
            let month = number(&bytes, digits: 2), bytes.popFirst() == UInt8(ascii: "-"),
            let day = number(&bytes, digits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let year = isBC ? 1 - printedYear : printedYear
        var micros = days(fromCivil: year, month, day) * microsecondsPerDay
        guard let separator = bytes.popFirst() else {
            return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        }
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "T"),
            let hour = number(&bytes, digits: 2), bytes.popFirst() == UInt8(ascii: ":"),
            let minute = number(&bytes, digits: 2)
        else { return nil }
        var second: Int64 = 0
        if bytes.first == UInt8(ascii: ":") {
            bytes.removeFirst()
            guard let value = number(&bytes, digits: 2) else { return nil }
            second = value
        }
        micros += (hour * 3600 + minute * 60 + second) * 1_000_000
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            var scale: Int64 = 100_000
            var fraction: Int64 = 0
            while let digit = bytes.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
                fraction += Int64(digit - UInt8(ascii: "0")) * scale
                scale /= 10
                bytes.removeFirst()
            }
            micros += fraction
        }
        if let sign = bytes.popFirst() {
            if sign != UInt8(ascii: "Z") {
                guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                    let offsetHours = number(&bytes, digits: 2)
                else { return nil }
                var offset = offsetHours * 3600
                if bytes.first == UInt8(ascii: ":") { bytes.removeFirst() }
                if let offsetMinutes = number(&bytes, digits: 2) { offset += offsetMinutes * 60 }
                if bytes.first == UInt8(ascii: ":") { bytes.removeFirst() }
                if let offsetSeconds = number(&bytes, digits: 2) { offset += offsetSeconds }
                micros -= (sign == UInt8(ascii: "+") ? offset : -offset) * 1_000_000
            }
            guard bytes.isEmpty else { return nil }
        }
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    private static func number(_ bytes: inout ArraySlice<UInt8>, digits: Int) -> Int64? {
        guard bytes.count >= digits else { return nil }
        var value: Int64 = 0
        for _ in 0..<digits {
            let digit = bytes.removeFirst()
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (`civil_from_days`).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
