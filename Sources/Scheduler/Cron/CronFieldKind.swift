/// Which of the six positions of a cron expression a field sits in, with its bounds and names.
enum CronFieldKind: String, Sendable {
    case second
    case minute
    case hour
    case dayOfMonth = "day of month"
    case month
    case dayOfWeek = "day of week"

    /// The smallest and largest value a field accepts (day of week accepts 7 for Sunday).
    var bounds: ClosedRange<Int> {
        switch self {
        case .second, .minute: 0...59
        case .hour: 0...23
        case .dayOfMonth: 1...31
        case .month: 1...12
        case .dayOfWeek: 0...7
        }
    }

    /// The value a name stands for (`JAN` is 1, `SUN` is 0), case-insensitively.
    func value(named name: String) -> Int? {
        let names: [String] =
            switch self {
            case .month: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
            case .dayOfWeek: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
            default: []
            }
        guard let index = names.firstIndex(of: name.uppercased()) else { return nil }
        return self == .month ? index + 1 : index
    }
}
