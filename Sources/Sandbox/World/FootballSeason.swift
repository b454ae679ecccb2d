import Foundation

/// One simulated NFL regular season: 18 weeks from the Thursday after Labor Day into early January, 17 games and
/// one bye per team, no team twice in a week.
///
/// The opponents follow the NFL's formula: each division rival home and away (6 games), the four teams of a
/// division of the same conference and the four of a division of the other conference, both rotating by year (8),
/// the same-place teams of the conference's two other divisions (2), and a seventeenth game against the same-place
/// team of a further division of the other conference (1). "Place" is the team's seeded standing in its division
/// the year before. Each of those 17 groups of games is a round in which every team plays once (a 1-factorization:
/// divisions of four split into three pairings, two divisions of four into four). A team plays the rounds in a
/// seeded order with its bye inserted; all teams of a division take their bye the same week, and the six division
/// rounds sit between the first and the last bye week, so the two teams of every game reach its round the same week.
///
/// Each week has a Thursday night game (20:15 Eastern), Sunday games at 13:00 and 16:25 and one at 20:20, and a
/// Monday night game (20:15); the last week plays all its games on Sunday.
struct FootballSeason: Sendable {
    /// One game of the season.
    struct Game: Sendable, Equatable {
        /// The week, 0 to 17.
        let week: Int
        /// The home team's index in the league.
        let home: Int
        /// The away team's index in the league.
        let away: Int
        /// The Eastern day of the game (days from 1970-01-01).
        let day: Int
        /// Minutes after Eastern midnight.
        let minutes: Int
    }

    /// The regular season's weeks.
    static let weeks = 18
    /// The first week (0-based) a division may take its bye.
    static let firstByeWeek = 5

    /// The year the season starts in.
    let year: Int
    /// The Thursday of the first week.
    let kickoffDay: Int
    /// Every game, by week and start.
    let games: [Game]
    /// Each team's bye week (0-based), by team index.
    let byeWeeks: [Int]

    /// The season starting in `year` for `league` (which must have eight divisions of four, two conferences).
    init(league: SandboxLeague, year: Int, seed: UInt64, calendar: EasternCalendar) {
        self.year = year
        kickoffDay = Self.kickoffDay(year: year, calendar: calendar)
        var random = SeededStream(seed: seed, 5, year, 0)
        // Conferences and divisions in a fixed order; within a division the teams in last season's seeded standing.
        let conferences = Set(league.teams.compactMap(\.division?.conference)).sorted()
        let divisions: [[[Int]]] = conferences.map { conference in
            let names = Set(league.teams.compactMap { $0.division?.conference == conference ? $0.division?.name : nil }).sorted()
            return names.map { name in
                var teams = league.teams.indices.filter { league.teams[$0].division == SandboxDivision(conference: conference, name: name) }
                teams.shuffle(using: &random)
                return teams
            }
        }
        precondition(divisions.count == 2 && divisions.allSatisfy { $0.count == 4 && $0.allSatisfy { $0.count == 4 } })

        let divisionRounds = Self.divisionRounds(divisions)
        var otherRounds = Self.crossDivisionRounds(divisions, year: year)
        otherRounds.shuffle(using: &random)
        // Five rounds before the bye window, the six division rounds inside it, six after.
        let rounds = Array(otherRounds[..<5]) + divisionRounds + Array(otherRounds[5...])

        // A division's bye week lies in the window [5, 11]: eight divisions in seven weeks, so two share one.
        var divisionOrder = Array(0..<8)
        divisionOrder.shuffle(using: &random)
        var byeOfDivision = [Int](repeating: 0, count: 8)
        for (position, division) in divisionOrder.enumerated() {
            byeOfDivision[division] = Self.firstByeWeek + (position < 7 ? position : Int(random.uniform() * 7))
        }
        var byeWeeks = [Int](repeating: 0, count: league.teams.count)
        for (c, conference) in divisions.enumerated() {
            for (d, division) in conference.enumerated() {
                for team in division { byeWeeks[team] = byeOfDivision[c * 4 + d] }
            }
        }
        self.byeWeeks = byeWeeks

        // Round r is a team's week r before its bye and week r + 1 from it on; both teams of a game agree (see above).
        var weeks = [[(home: Int, away: Int)]](repeating: [], count: Self.weeks)
        for (index, round) in rounds.enumerated() {
            for game in round {
                weeks[index < byeWeeks[game.home] ? index : index + 1].append(game)
            }
        }

        var games: [Game] = []
        var mondayTeams: Set<Int> = []
        for (week, pairs) in weeks.enumerated() {
            var slate = pairs
            slate.shuffle(using: &random)
            let thursday = kickoffDay + 7 * week
            let isLast = week == Self.weeks - 1
            var scheduled: [Game] = []
            func take(_ index: Int, day: Int, minutes: Int) {
                let pair = slate.remove(at: index)
                scheduled.append(Game(week: week, home: pair.home, away: pair.away, day: day, minutes: minutes))
            }
            if !isLast {
                // Thursday night: not a team that played the Monday before (two days' rest).
                if let index = slate.firstIndex(where: { !mondayTeams.contains($0.home) && !mondayTeams.contains($0.away) }) {
                    take(index, day: thursday, minutes: 20 * 60 + 15)
                }
                take(0, day: thursday + 4, minutes: 20 * 60 + 15)
            }
            mondayTeams = Set(scheduled.filter { $0.day == thursday + 4 }.flatMap { [$0.home, $0.away] })
            take(0, day: thursday + 3, minutes: 20 * 60 + 20)
            let lateAfternoon = isLast ? 5 : 4
            for _ in 0..<lateAfternoon where !slate.isEmpty { take(0, day: thursday + 3, minutes: 16 * 60 + 25) }
            while !slate.isEmpty { take(0, day: thursday + 3, minutes: 13 * 60) }
            games += scheduled.sorted { ($0.day, $0.minutes, $0.home) < ($1.day, $1.minutes, $1.home) }
        }
        self.games = games
    }

    /// The Thursday after Labor Day (the first Monday of September) of `year`.
    static func kickoffDay(year: Int, calendar: EasternCalendar) -> Int {
        let september1 = calendar.day(yyyymmdd: String(format: "%04d0901", year))!
        // Day 0, 1970-01-01, was a Thursday: weekday 0 is Thursday, 4 Monday.
        let weekday = ((september1 % 7) + 7) % 7
        let laborDay = september1 + (4 - weekday + 7) % 7
        return laborDay + 3
    }

    /// The season a day falls in: the one starting that year, or in January the one of the year before.
    static func year(of day: Int, calendar: EasternCalendar) -> Int {
        let year = calendar.year(of: day)
        return day < kickoffDay(year: year, calendar: calendar) ? year - 1 : year
    }

    /// The games on `day`.
    func games(on day: Int) -> [Game] {
        games.filter { $0.day == day }
    }

    /// The day of the team's last game before `day` this season, if any.
    func lastGameDay(team: Int, before day: Int) -> Int? {
        games.last { $0.day < day && ($0.home == team || $0.away == team) }?.day
    }

    // MARK: - Rounds

    /// The three pairings of four places: {0–1, 2–3}, {0–2, 1–3}, {0–3, 1–2}.
    private static let pairingsOfFour = [[(0, 1), (2, 3)], [(2, 0), (1, 3)], [(0, 3), (1, 2)]]

    /// Six rounds: each division's three pairings, then the same with home and away swapped.
    private static func divisionRounds(_ divisions: [[[Int]]]) -> [[(home: Int, away: Int)]] {
        let first = pairingsOfFour.map { pairing in
            divisions.flatMap { $0 }.flatMap { teams in pairing.map { (home: teams[$0.0], away: teams[$0.1]) } }
        }
        return first + first.map { round in round.map { (home: $0.away, away: $0.home) } }
    }

    /// Eleven rounds: the rotating division of the same conference (4), of the other conference (4), the two
    /// same-place games in the conference (2), and the seventeenth game (1).
    private static func crossDivisionRounds(_ divisions: [[[Int]]], year: Int) -> [[(home: Int, away: Int)]] {
        let (afc, nfc) = (divisions[0], divisions[1])
        var rounds: [[(home: Int, away: Int)]] = []
        // All four against all four: place i meets place (i + r) % 4; the first division hosts in even rounds, so
        // every team has two home games.
        func allPlay(_ first: [Int], _ second: [Int], round r: Int) -> [(home: Int, away: Int)] {
            (0..<4).map { i in
                r % 2 == 0 ? (home: first[i], away: second[(i + r) % 4]) : (home: second[(i + r) % 4], away: first[i])
            }
        }
        // The conference's divisions pair up in one of three ways, turning each year.
        let pairing = pairingsOfFour[((year % 3) + 3) % 3]
        for r in 0..<4 {
            rounds.append([afc, nfc].flatMap { conference in pairing.flatMap { allPlay(conference[$0.0], conference[$0.1], round: r) } })
        }
        // Each AFC division meets the NFC division `year` places along, turning each year.
        let shift = ((year % 4) + 4) % 4
        for r in 0..<4 {
            rounds.append((0..<4).flatMap { d in allPlay(afc[d], nfc[(d + shift) % 4], round: r) })
        }
        // Same place, the two unpaired divisions: a–c and b–d hosted by a and b, then a–d and b–c hosted by d and c.
        let ((a, b), (c, d)) = (pairing[0], pairing[1])
        rounds.append(
            [afc, nfc].flatMap { teams in
                (0..<4).flatMap { i in [(home: teams[a][i], away: teams[c][i]), (home: teams[b][i], away: teams[d][i])] }
            })
        rounds.append(
            [afc, nfc].flatMap { teams in
                (0..<4).flatMap { i in [(home: teams[d][i], away: teams[a][i]), (home: teams[c][i], away: teams[b][i])] }
            })
        // The seventeenth game: same place, the NFC division two along from the rotation; the AFC hosts in even years.
        rounds.append(
            (0..<4).flatMap { d in
                (0..<4).map { i in
                    let (home, away) = (afc[d][i], nfc[(d + shift + 2) % 4][i])
                    return year % 2 == 0 ? (home: home, away: away) : (home: away, away: home)
                }
            })
        return rounds
    }
}
