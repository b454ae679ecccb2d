import Foundation

extension SandboxWorld {
    private static let firstNames = [
        "Alex", "Jordan", "Chris", "Sam", "Taylor", "Jamie", "Drew", "Casey", "Riley", "Morgan", "Avery", "Quinn",
    ]
    private static let lastNames = [
        "Garcia", "Smith", "Nakamura", "Okafor", "Jensen", "Silva", "Novak", "Reyes", "Brooks", "Kim", "Ortiz", "Walsh",
    ]
    private static let injuryTypes = ["Hamstring", "Ankle", "Knee", "Shoulder", "Back", "Wrist", "Illness", "Undisclosed"]

    /// Each team's injury list at `now`. A player of a team gets hurt on a day with a small probability and
    /// misses 2 to 21 days: listed as out (`10-Day-IL` in baseball) at first, day-to-day in the last two days,
    /// gone from the list once back. Injuries do not change the simulated outcomes.
    func injuries(_ sport: SandboxSport, at now: Date) -> [(team: SandboxTeam, injuries: [SimulatedInjury])] {
        guard let league = league(sport) else { return [] }
        let calendar = EasternCalendar()
        let today = calendar.day(of: now)
        let sportIndex = SandboxSport.allCases.firstIndex(of: sport)!
        let positions = sport == .nba ? ["G", "F", "C"] : ["SP", "RP", "C", "1B", "SS", "OF"]
        return league.teams.enumerated().map { index, team in
            var listed: [SimulatedInjury] = []
            for day in (today - 21)...today {
                var stream = SeededStream(seed: seed, 40, sportIndex, index, day)
                guard stream.uniform() < 0.08 else { continue }
                let hurtAt = calendar.date(day: day, minutes: 9 * 60 + Int(stream.uniform() * 600))
                let days = 2 + Int(stream.uniform() * 20)
                let returnsAt = calendar.date(day: day + days, minutes: 12 * 60)
                let dayToDayFrom = returnsAt.addingTimeInterval(-2 * 86_400)
                guard hurtAt <= now, now < returnsAt else { continue }
                let dayToDay = now >= dayToDayFrom
                listed.append(
                    SimulatedInjury(
                        id: String(day * 1_000 + sportIndex * 100 + index),
                        athleteName: Self.firstNames[Int(stream.uniform() * 12)] + " " + Self.lastNames[Int(stream.uniform() * 12)],
                        position: positions[Int(stream.uniform() * Double(positions.count))],
                        status: dayToDay ? "Day-To-Day" : sport == .mlb ? "10-Day-IL" : "Out",
                        injuryType: Self.injuryTypes[Int(stream.uniform() * Double(Self.injuryTypes.count))],
                        reportedAt: dayToDay ? dayToDayFrom : hurtAt, returnsAt: returnsAt))
            }
            return (team, listed)
        }.filter { !$0.injuries.isEmpty }
    }
}
