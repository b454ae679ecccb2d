import Essentials
import Foundation
import Store

/// A US Eastern calendar day (the platform's business day), as days since 1970-01-01.
struct EasternDay: Sendable, Hashable, Comparable {
    let number: Int

    /// The Eastern day `date` falls on.
    init(_ date: Date) {
        let local = date.timeIntervalSince1970 + Double(ReportPeriod.timeZone.secondsFromGMT(for: date))
        number = Int((local / 86_400).rounded(.down))
    }

    private init(number: Int) { self.number = number }

    /// The day `days` later (earlier when negative).
    func adding(days: Int) -> EasternDay { EasternDay(number: number + days) }

    /// `YYYY-MM-DD`.
    var text: String {
        let (year, month, day) = GregorianDays.date(fromDays: number)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    static func < (lhs: EasternDay, rhs: EasternDay) -> Bool { lhs.number < rhs.number }
}
