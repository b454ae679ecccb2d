import Foundation

extension SandboxWorld {
    private static let firstNames = [
        "Alex", "Jordan", "Chris", "Sam", "Taylor", "Jamie", "Drew", "Casey", "Riley", "Morgan", "Avery", "Quinn",
    ]
    private static let lastNames = [
        "Garcia", "Smith", "Nakamura", "Okafor", "Jensen", "Silva", "Novak", "Reyes", "Brooks", "Kim", "Ortiz", "Walsh",
    ]
    private static let injuryTypes = ["Hamstring", "Ankle", "Knee", "Shoulder", "Back", "Wrist", "Illness", "Undisclosed"]

    /// The share of injured players who are stars.
    static let starShare = 0.12

    /// Each team's injury list at `now`. A player of a team gets hurt on a day with a small probability and
    /// misses 2 to 21 days: listed as out (`10-Day-IL` in baseball) at first, day-to-day in the last two days,
    /// gone from the list once back.
    ///
    /// Injuries change the simulated outcomes: each player has an impact (`playerImpact`), and the players
    /// listed at a game's start take their `loss` off their team's strength in the game's true parameters,
    /// so in its probabilities and its result. Books read the list as it stands when they quote, each with
    /// its own noisy estimate of every player's impact.
    func injuries(_ sport: SandboxSport, at now: Date) -> [(team: SandboxTeam, injuries: [SimulatedInjury])] {
        guard let league = league(sport) else { return [] }
        let today = calendar.day(of: now)
        return league.teams.indices.map { index in
            (team: league.teams[index], injuries: injuries(sport, team: index, today: today, at: now))
        }
        .filter { !$0.injuries.isEmpty }
    }

    /// The injury list of the team at `team` (its index in the league) at `now`.
    func injuries(_ sport: SandboxSport, team: Int, at now: Date) -> [SimulatedInjury] {
        injuries(sport, team: team, today: calendar.day(of: now), at: now)
    }

    /// What each listed player's absence costs, summed: the team's loss of strength at `now`.
    func injuryLoss(_ sport: SandboxSport, team: Int, at now: Date) -> Double {
        injuries(sport, team: team, at: now).reduce(0) { $0 + $1.loss }
    }

    private func injuries(_ sport: SandboxSport, team index: Int, today: Int, at now: Date) -> [SimulatedInjury] {
        let sportIndex = SandboxSport.allCases.firstIndex(of: sport)!
        let positions = switch sport {
        case .nba: ["G", "F", "C"]
        case .mlb: ["SP", "RP", "C", "1B", "SS", "OF"]
        case .epl: ["G", "D", "M", "F"]
        case .nhl: ["C", "LW", "RW", "D", "G"]
        case .nfl: ["QB", "RB", "WR", "TE", "OL", "DL", "LB", "CB", "S"]
        }
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
            // The draws of the name, position and type come first, so the impact does not reshuffle them.
            let athleteName = Self.firstNames[Int(stream.uniform() * 12)] + " " + Self.lastNames[Int(stream.uniform() * 12)]
            let position = positions[Int(stream.uniform() * Double(positions.count))]
            let injuryType = Self.injuryTypes[Int(stream.uniform() * Double(Self.injuryTypes.count))]
            listed.append(
                SimulatedInjury(
                    id: String(day * 1_000 + sportIndex * 100 + index), athleteName: athleteName, position: position,
                    status: dayToDay ? "Day-To-Day" : sport == .mlb ? "10-Day-IL" : "Out", injuryType: injuryType,
                    reportedAt: dayToDay ? dayToDayFrom : hurtAt, returnsAt: returnsAt,
                    impact: Self.playerImpact(sport, random: &stream)))
        }
        return listed
    }

    /// A player's worth to his team, points (NBA) or runs (MLB) of margin: most players 0.3 to 3 points
    /// (0.03 to 0.25 runs, 0.02 to 0.12 goals), skewed low; one in eight is a star worth 3.5 to 6.5 points (0.3 to 0.55
    /// runs, 0.15 to 0.3 goals).
    static func playerImpact(_ sport: SandboxSport, random: inout SeededStream) -> Double {
        let isStar = random.uniform() < starShare
        let u = random.uniform()
        switch (sport, isStar) {
        case (.nba, true): return 3.5 + 3 * u
        case (.nba, false): return 0.3 + 2.7 * u * u
        case (.mlb, true): return 0.3 + 0.25 * u
        case (.mlb, false): return 0.03 + 0.22 * u * u
        case (.epl, true): return 0.15 + 0.15 * u
        case (.epl, false): return 0.02 + 0.1 * u * u
        case (.nhl, true): return 0.15 + 0.15 * u
        case (.nhl, false): return 0.02 + 0.1 * u * u
        // Football: a starting quarterback or another star is worth 2.5 to 6 points, most players well under one.
        case (.nfl, true): return 2.5 + 3.5 * u
        case (.nfl, false): return 0.1 + 1.2 * u * u
        }
    }
}
