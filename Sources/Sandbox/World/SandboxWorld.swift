import Foundation
import Synchronization

/// The simulated world: leagues whose latent team strengths drift, a schedule in which division rivals meet
/// more often, the truth behind every game (strengths, home advantage, rest, division, weather in baseball,
/// football and soccer, the players injured at the start, the starting pitchers in baseball), a market whose consensus opens
/// from a noisy view of that truth and moves toward it as news and sharp money arrive, books quoting
/// vigged prices close around that consensus (`SandboxWorld+Market.swift`), scores, weather.
///
/// Everything is a pure function of the seed and world time, computed on demand; days already built are
/// cached.
public final class SandboxWorld: Sendable {
    /// The seed.
    public let seed: UInt64
    /// The sports simulated.
    public let sports: [SandboxSport]
    /// How long before the start books first post lines.
    public let marketOpensBeforeStart: TimeInterval
    private let simulatedLeagues: [SandboxSport: SandboxLeague]
    let calendar = EasternCalendar()
    private let schedules = Mutex<[ScheduleKey: [SimulatedGame]]>([:])
    /// Each MLB team's rotation slot on every day of a year, by the year's first day.
    let rotations = Mutex<[Int: [[Int]]]>([:])
    /// The NFL's seasons built so far, by the year each starts in.
    private let footballSeasons = Mutex<[Int: FootballSeason]>([:])

    private struct ScheduleKey: Hashable {
        let sport: SandboxSport
        let day: Int
    }

    /// A world for `seed`.
    public init(seed: UInt64, sports: [SandboxSport] = SandboxSport.allCases, marketOpensBeforeStart: TimeInterval = 48 * 3600) {
        self.seed = seed
        self.sports = sports
        self.marketOpensBeforeStart = marketOpensBeforeStart
        simulatedLeagues = Dictionary(uniqueKeysWithValues: sports.map { ($0, SandboxLeague(sport: $0)) })
    }

    /// The league of `sport`, if simulated.
    public func league(_ sport: SandboxSport) -> SandboxLeague? {
        simulatedLeagues[sport]
    }

    /// The games on the Eastern calendar day `YYYYMMDD` (ESPN's `dates=`), or `nil` for a malformed date.
    public func games(_ sport: SandboxSport, onEasternDate yyyymmdd: String) -> [SimulatedGame]? {
        calendar.day(yyyymmdd: yyyymmdd).map { games(sport, day: $0) }
    }

    /// The games starting in `range`, in start order.
    public func games(_ sport: SandboxSport, startingIn range: Range<Date>) -> [SimulatedGame] {
        guard simulatedLeagues[sport] != nil, range.lowerBound < range.upperBound else { return [] }
        let first = calendar.day(of: range.lowerBound) - 1
        let last = calendar.day(of: range.upperBound) + 1
        return (first...last).flatMap { games(sport, day: $0) }.filter { range.contains($0.startsAt) }
            .sorted { ($0.startsAt, $0.espnID) < ($1.startsAt, $1.espnID) }
    }

    /// Where `game` stands at `now`.
    public func progress(of game: SimulatedGame, at now: Date) -> GameProgress {
        guard now >= game.startsAt else { return GameProgress(phase: .scheduled, homeScore: 0, awayScore: 0, period: 0) }
        guard now < game.endsAt else {
            return GameProgress(
                phase: .final, homeScore: game.finalScore.home, awayScore: game.finalScore.away, period: game.sport.league.periods)
        }
        let fraction = now.timeIntervalSince(game.startsAt) / game.duration
        let periods = game.sport.league.periods
        return GameProgress(
            phase: .live, homeScore: Int(Double(game.finalScore.home) * fraction),
            awayScore: Int(Double(game.finalScore.away) * fraction), period: min(periods, 1 + Int(fraction * Double(periods))))
    }

    /// The true probability that the home team wins.
    public func homeWinProbability(_ game: SimulatedGame) -> Double {
        OutcomeModel(sport: game.sport).homeWin(game.parameters)
    }

    /// The expected home and away scores.
    public func expectedScores(_ game: SimulatedGame) -> (home: Double, away: Double) {
        OutcomeModel(sport: game.sport).expectedScores(game.parameters)
    }

    /// The fair lines of the truth (the half-point spread and total closest to even) and the true
    /// probabilities that the home team covers that spread and that the total goes over.
    public func fairLines(_ game: SimulatedGame) -> (spread: Double, homeCovers: Double, total: Double, over: Double) {
        let lines = OutcomeModel(sport: game.sport).lines(game.parameters)
        return (lines.spread, lines.homeCovers, lines.total, lines.over)
    }

    /// The weather at (`latitude`, `longitude`) in the hour starting at `hour`.
    public func weather(latitude: Double, longitude: Double, hour: Date) -> WeatherSample {
        WeatherModel(seed: seed).sample(latitude: latitude, longitude: longitude, hour: hour)
    }

    // MARK: - Schedule

    /// The game an ESPN event id of this world names, however long ago or far ahead: the id carries its Eastern day
    /// (`buildGames`), so it is found without searching a range; nil for an id of no game here.
    public func game(_ sport: SandboxSport, espnID: String) -> SimulatedGame? {
        guard let number = Int(espnID), number >= 400_000_000 + sport.index * 10_000_000 else { return nil }
        let day = (number - 400_000_000 - sport.index * 10_000_000) / 40
        return games(sport, day: day).first { $0.espnID == espnID }
    }

    func games(_ sport: SandboxSport, day: Int) -> [SimulatedGame] {
        let key = ScheduleKey(sport: sport, day: day)
        if let cached = schedules.withLock({ $0[key] }) { return cached }
        let built = buildGames(sport, day: day)
        schedules.withLock { $0[key] = built }
        return built
    }

    /// Which teams meet on `day`: a seeded shuffle orders the teams; each in turn meets a division rival
    /// with the sport's rivalry chance (the first unpaired one in the order), otherwise the next unpaired
    /// team. The first pairs play; the rest rest.
    func pairings(_ sport: SandboxSport, day: Int) -> [(home: Int, away: Int, minutes: Int)] {
        guard let league = simulatedLeagues[sport] else { return [] }
        // The NFL plays a fixed weekly season (`FootballSeason`), not a daily draw.
        if sport == .nfl {
            return footballSeason(day: day).games(on: day).map { ($0.home, $0.away, $0.minutes) }
        }
        var random = SeededStream(seed: seed, sport.index, day, 0)
        var order = Array(league.teams.indices)
        order.shuffle(using: &random)
        let count: Int
        let startTimes: [Int]
        // Rivals meet about as often as in the real leagues: 4 times a season per NBA pair against about 2.6
        // for the others, 13 per MLB pair against about 4.4 (a ratio of 1.5 and 3).
        let rivalryChance: Double
        switch sport {
        case .nba:
            count = 5 + Int(random.uniform() * 6)
            startTimes = [19 * 60, 19 * 60 + 30, 20 * 60, 22 * 60]
            rivalryChance = 0.06
        case .mlb:
            count = 11 + Int(random.uniform() * 4)
            startTimes = [13 * 60 + 5, 16 * 60 + 10, 18 * 60 + 40, 19 * 60 + 5, 19 * 60 + 10, 20 * 60 + 10, 21 * 60 + 40, 22 * 60 + 10]
            rivalryChance = 0.23
        case .epl:
            // A round of ten matches every Saturday (kick-offs 12:30, 15:00 and 17:30 in England: 07:30, 10:00 and
            // 12:30 Eastern), none on other days; day 0, 1970-01-01, was a Thursday.
            count = ((day + 4) % 7 + 7) % 7 == 6 ? 10 : 0
            startTimes = [7 * 60 + 30, 10 * 60, 12 * 60 + 30]
            rivalryChance = 0
        case .nhl:
            // Four to nine games a night; division rivals meet 3–4 times a season against about 2.5 for the others.
            count = 4 + Int(random.uniform() * 6)
            startTimes = [19 * 60, 19 * 60 + 30, 20 * 60, 22 * 60]
            rivalryChance = 0.05
        case .nfl:
            return []  // Served from the season above.
        }
        var rivalry = SeededStream(seed: seed, sport.index, day, 3)
        var unpaired = order[...]
        var pairs: [(Int, Int)] = []
        while pairs.count < count, let first = unpaired.popFirst() {
            let wantsRival = rivalry.uniform() < rivalryChance
            let partner = (wantsRival ? unpaired.firstIndex { league.areDivisionRivals(first, $0) } : nil) ?? unpaired.startIndex
            guard partner < unpaired.endIndex else { break }
            pairs.append((first, unpaired.remove(at: partner)))
        }
        return pairs.map { home, away in
            (home, away, startTimes[Int(random.uniform() * Double(startTimes.count))])
        }
    }

    private func buildGames(_ sport: SandboxSport, day: Int) -> [SimulatedGame] {
        guard let league = simulatedLeagues[sport] else { return [] }
        let model = OutcomeModel(sport: sport)
        let earlier = (1...3).map { back in pairings(sport, day: day - back) }
        /// How many days back the team last played (within three), and that game's home team.
        func lastGame(_ team: Int) -> (daysBack: Int, host: Int)? {
            for (index, pairings) in earlier.enumerated() {
                if let game = pairings.first(where: { $0.home == team || $0.away == team }) { return (index + 1, game.home) }
            }
            return nil
        }
        func rest(_ team: Int) -> Int {
            // A football team's rest runs from its last game this season (two weeks after a bye), capped at 15 days back
            // (14 between games, the featurizer's cap); a season's first game counts as fully rested.
            guard sport == .nfl else { return lastGame(team)?.daysBack ?? 4 }
            return footballSeason(day: day).lastGameDay(team: team, before: day).map { min(day - $0, 15) } ?? 15
        }
        func travel(_ team: Int, to venue: SandboxVenue) -> Double {
            // A football team flies home after every game, so its trip starts at home.
            league.teams[sport == .nfl ? team : lastGame(team)?.host ?? team].venue.kilometres(to: venue)
        }
        return pairings(sport, day: day).enumerated().map { slot, pairing in
            let home = league.teams[pairing.home]
            let startsAt = calendar.date(day: day, minutes: pairing.minutes)
            let restDays = (rest(pairing.home), rest(pairing.away))
            let travelled = (home: travel(pairing.home, to: home.venue), away: travel(pairing.away, to: home.venue))
            // Each 1,000 km more than the other side travelled costs 0.4 points (NBA), 0.03 runs (MLB), 0.05 goals
            // (EPL) or 0.3 points (NFL) of margin.
            let travelEffect = Self.travelCost(sport) * (travelled.away - travelled.home) / 1_000
            let gap = strength(sport, pairing.home, day) - strength(sport, pairing.away, day)
            let isDivisional = league.areDivisionRivals(pairing.home, pairing.away)
            var conditions: GameConditions
            var starters: (home: StartingPitcher, away: StartingPitcher)?
            switch sport {
            case .nba:
                // Home court is worth 2.4 points; the second night of a back-to-back costs 1.8.
                let restEffect = (restDays.0 == 1 ? -1.8 : 0) - (restDays.1 == 1 ? -1.8 : 0)
                conditions = GameConditions(
                    sport: sport, strengthGap: gap, homeEdge: 2.4 + restEffect + travelEffect, isDivisional: isDivisional,
                    scoring: 226 + pace(sport, pairing.home) + pace(sport, pairing.away))
                conditions.scheduleEdge = restEffect + travelEffect
            case .mlb:
                // Heat carries the ball: about 0.7 % more runs per °F above 70 in an open park. Home field is
                // worth 0.24 runs.
                let weather = self.weather(latitude: home.venue.latitude, longitude: home.venue.longitude, hour: startsAt)
                let fahrenheit = weather.temperatureC * 9 / 5 + 32
                let carry = home.venue.isIndoor ? 1 : 1 + 0.007 * (fahrenheit - 70)
                conditions = GameConditions(
                    sport: sport, strengthGap: gap, homeEdge: 0.24 + travelEffect, isDivisional: isDivisional, scoring: carry)
                conditions.scheduleEdge = travelEffect
                // A team plays at most once a day, so each side has a starter.
                if let homeStarter = starter(team: pairing.home, day: day), let awayStarter = starter(team: pairing.away, day: day) {
                    starters = (homeStarter, awayStarter)
                    conditions.runsAllowed = (homeStarter.runsAllowed, awayStarter.runsAllowed)
                }
            case .nhl:
                // Home ice is worth about 0.15 goals; the second night of a back-to-back costs 0.15.
                let restEffect = (restDays.0 == 1 ? -0.15 : 0) - (restDays.1 == 1 ? -0.15 : 0)
                conditions = GameConditions(
                    sport: sport, strengthGap: gap, homeEdge: 0.15 + restEffect + travelEffect, isDivisional: isDivisional, scoring: 1)
                conditions.scheduleEdge = restEffect + travelEffect
            case .nfl:
                // Home field is worth about 1.5 points, and each day of rest more than the opponent 0.15 (a week off
                // about a point). Wind and rain cut scoring at an open stadium: 0.6 % per km/h of wind above 20 km/h,
                // 4 % in rain.
                let restEffect = 0.15 * Double(restDays.0 - restDays.1)
                let weather = self.weather(latitude: home.venue.latitude, longitude: home.venue.longitude, hour: startsAt)
                let scoring = home.venue.isIndoor
                    ? 1 : max(0.8, 1 - 0.006 * max(0, weather.windSpeedKPH - 20) - (weather.precipitationMM > 0.5 ? 0.04 : 0))
                conditions = GameConditions(
                    sport: sport, strengthGap: gap, homeEdge: 1.5 + restEffect + travelEffect, isDivisional: isDivisional, scoring: scoring)
                conditions.scheduleEdge = restEffect + travelEffect
            case .epl:
                // Home advantage is worth about 0.3 goals of margin; the league has no divisions. Every ground is open:
                // heavy rain (over a millimetre in the hour) takes 3 % of the goals, wind above 25 km/h 0.4 % a km/h,
                // at most 8 % together — a smaller cut than the NFL's, the ball staying on the ground.
                let weather = self.weather(latitude: home.venue.latitude, longitude: home.venue.longitude, hour: startsAt)
                let scoring = home.venue.isIndoor
                    ? 1 : max(0.92, 1 - 0.004 * max(0, weather.windSpeedKPH - 25) - (weather.precipitationMM > 1 ? 0.03 : 0))
                conditions = GameConditions(
                    sport: sport, strengthGap: gap, homeEdge: 0.3 + travelEffect, isDivisional: false, scoring: scoring)
                conditions.scheduleEdge = travelEffect
            }
            // The players listed at the start are the ones who miss the game, whenever the game is asked about.
            let losses = (
                home: injuryLoss(sport, team: pairing.home, at: startsAt), away: injuryLoss(sport, team: pairing.away, at: startsAt)
            )
            let parameters = conditions.parameters(losses: losses)
            var random = SeededStream(seed: seed, sport.index, day, slot, 1)
            let score = model.finalScore(parameters, random: &random)
            let espnNumber = 400_000_000 + sport.index * 10_000_000 + (day % 200_000) * 40 + slot
            var idStream = SeededStream(seed: seed, sport.index, day, slot, 2)
            let oddsID = String(format: "%016llx%016llx", idStream.next(), idStream.next())
            return SimulatedGame(
                sport: sport, day: day, home: home, away: league.teams[pairing.away], startsAt: startsAt,
                espnID: String(espnNumber), oddsAPIID: oddsID, teamIndices: (pairing.home, pairing.away), conditions: conditions,
                injuryLoss: losses, parameters: parameters, finalScore: score, duration: sport.league.duration,
                rest: restDays, travel: travelled, starters: starters)
        }
    }

    /// The NFL season `day` falls in (the one starting that year, or the year before in January to August).
    func footballSeason(day: Int) -> FootballSeason {
        let year = FootballSeason.year(of: day, calendar: calendar)
        if let season = footballSeasons.withLock({ $0[year] }) { return season }
        let season = FootballSeason(league: simulatedLeagues[.nfl]!, year: year, seed: seed, calendar: calendar)
        footballSeasons.withLock { $0[year] = season }
        return season
    }

    /// A team's latent strength on `day` (points or runs above average): a seeded base plus a slow drift.
    private func strength(_ sport: SandboxSport, _ team: Int, _ day: Int) -> Double {
        var random = SeededStream(seed: seed, sport.index, 1_000 + team)
        let (spread, drift) = switch sport {
        case .nba: (5.0, 1.5)
        case .mlb: (0.7, 0.2)
        case .epl: (0.5, 0.1)
        case .nhl: (0.35, 0.1)
        case .nfl: (4.5, 1.5)
        }
        let base = spread * random.normal()
        let phase1 = 2 * Double.pi * random.uniform()
        let phase2 = 2 * Double.pi * random.uniform()
        let t = Double(day)
        return base + drift * (0.8 * sin(2 * .pi * t / 61 + phase1) + 0.6 * sin(2 * .pi * t / 23 + phase2))
    }

    /// What 1,000 km more travel than the opponent costs a side, points, runs or goals of margin.
    static func travelCost(_ sport: SandboxSport) -> Double {
        switch sport {
        case .nba: 0.4
        case .mlb: 0.03
        case .epl: 0.05
        case .nhl: 0.02
        case .nfl: 0.3
        }
    }

    /// A basketball team's pace effect on the total, points.
    private func pace(_ sport: SandboxSport, _ team: Int) -> Double {
        var random = SeededStream(seed: seed, sport.index, 3_000 + team)
        return 3 * random.normal()
    }
}

extension SandboxSport {
    /// A stable number for seeding.
    var index: Int {
        switch self {
        case .nba: 1
        case .mlb: 2
        case .epl: 3
        case .nhl: 4
        case .nfl: 5
        }
    }
}
