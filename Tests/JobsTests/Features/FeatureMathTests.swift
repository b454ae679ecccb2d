import Foundation
import Jobs
import Queue
import Store
import Testing

/// The featurizer's maths on hand-built inputs: no database.
@Suite struct FeatureMathTests {
    /// 2026-03-02 00:00 UTC, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_772_409_600)

    static let boston = Team(
        id: 1, sport: "nba", externalID: "2", name: "Boston", abbreviation: "BOS",
        venue: Venue(name: "TD Garden", latitude: 42.3662, longitude: -71.0621, timeZone: "America/New_York", isIndoor: true))
    static let denver = Team(
        id: 2, sport: "nba", externalID: "7", name: "Denver", abbreviation: "DEN",
        venue: Venue(name: "Ball Arena", latitude: 39.7487, longitude: -105.0077, timeZone: "America/Denver", isIndoor: true))
    static let miami = Team(
        id: 3, sport: "nba", externalID: "14", name: "Miami", abbreviation: "MIA",
        venue: Venue(name: "Kaseya Center", latitude: 25.7814, longitude: -80.1870, timeZone: "America/New_York", isIndoor: true))

    static func game(
        _ id: Int, home: Team, away: Team, at hoursAfterMonday: Double, score: (Int, Int)? = nil, season: Int = 2025
    ) -> Game {
        Game(
            id: id, sport: "nba", externalID: "g\(id)", season: season, homeTeamID: home.id!, awayTeamID: away.id!,
            scheduledAt: monday.addingTimeInterval(hoursAfterMonday * 3600), status: score == nil ? .scheduled : .final,
            homeScore: score?.0, awayScore: score?.1)
    }

    @Test func haversineMatchesKnownDistances() {
        let newYorkToLosAngeles = GreatCircle.kilometres(fromLatitude: 40.7128, longitude: -74.0060, toLatitude: 34.0522, longitude: -118.2437)
        #expect(abs(newYorkToLosAngeles - 3_936) < 5)
        #expect(GreatCircle.kilometres(fromLatitude: 10, longitude: 20, toLatitude: 10, longitude: 20) == 0)
        // Half the circumference between antipodes.
        #expect(abs(GreatCircle.kilometres(fromLatitude: 0, longitude: 0, toLatitude: 0, longitude: 180) - .pi * 6_371) < 1e-6)
    }

    @Test func eloMovesByTheMarginMultiplierAndConservesPoints() {
        var elo = EloRatings(parameters: EloRatings.Parameters(k: 20, homeAdvantage: 100))
        #expect(elo.homeWinProbability(home: 1500, away: 1500, isNeutralSite: true) == 0.5)
        #expect(abs(elo.homeWinProbability(home: 1500, away: 1500, isNeutralSite: false) - 1 / (1 + pow(10, -0.25))) < 1e-12)

        // Neutral site, equal teams, home wins by 10: shift = K · ln(11) · (1 − 0.5).
        elo.record(home: 1, away: 2, homeScore: 110, awayScore: 100, isNeutralSite: true)
        #expect(abs(elo.rating(1) - (1500 + 10 * log(11.0))) < 1e-9)
        #expect(abs(elo.rating(1) + elo.rating(2) - 3000) < 1e-9)

        // The favourite winning moves less than an upset by the same margin.
        for kind in [EloRatings.MarginOfVictory.logarithmic, .basketball] {
            #expect(
                EloRatings.marginMultiplier(margin: 10, winnerAdvantage: 200, kind)
                    < EloRatings.marginMultiplier(margin: 10, winnerAdvantage: -200, kind))
            #expect(EloRatings.marginMultiplier(margin: 0, winnerAdvantage: 0, kind) == 1)
        }
    }

    /// FiveThirtyEight's NBA Elo worked by hand: K 20, home +100, multiplier (MOV + 3)^0.8 / (7.5 + 0.006 × edge),
    /// a quarter of the way back to 1505 between seasons.
    @Test func nbaEloMatchesFiveThirtyEightsFormulaWorkedByHand() {
        var elo = EloRatings(parameters: .sport("nba"))
        // Equal teams, home wins 110–100: expected 1 / (1 + 10^(−100/400)) = 0.640065, multiplier
        // 13^0.8 / 8.1 = 0.960881, shift 20 × 0.960881 × 0.359935 = 6.917095.
        elo.record(home: 1, away: 2, homeScore: 110, awayScore: 100, season: 2025)
        #expect(abs(elo.rating(1) - 1506.917095) < 1e-5 && abs(elo.rating(2) - 1493.082905) < 1e-5)
        // The underdog winning: equal teams, away wins by 5 at the home team's court: the winner's edge is −100,
        // multiplier 8^0.8 / 6.9, shift −9.792126.
        var upset = EloRatings(parameters: .sport("nba"))
        upset.record(home: 1, away: 2, homeScore: 95, awayScore: 100, season: 2025)
        #expect(abs(upset.rating(2) - 1509.792126) < 1e-5)
        // Next season: 1505 + (1506.917095 − 1505) × 0.75.
        #expect(abs(elo.rating(1, season: 2026) - 1506.437821) < 1e-5)
        #expect(abs(elo.homeWinProbability(home: 1500, away: 1500, isNeutralSite: false) - 0.640065) < 1e-6)
    }

    /// FiveThirtyEight's MLB constants worked by hand: K 4, home +24, a third of the way back between seasons.
    @Test func mlbEloMatchesFiveThirtyEightsConstantsWorkedByHand() {
        var elo = EloRatings(parameters: .sport("mlb"))
        // Equal teams, home wins 5–2: expected 0.534484, multiplier ln 4 × 2.2 / 2.224 = 1.371334, shift 2.553513.
        elo.record(home: 1, away: 2, homeScore: 5, awayScore: 2, season: 2025)
        #expect(abs(elo.rating(1) - 1502.553513) < 1e-5)
        #expect(abs(elo.rating(1, season: 2026) - 1501.702342) < 1e-5)
    }

    @Test func eloRegressesTowardTheMeanAcrossSeasons() {
        var elo = EloRatings(parameters: EloRatings.Parameters(k: 20, homeAdvantage: 0))
        elo.record(home: 1, away: 2, homeScore: 120, awayScore: 90, season: 2024)
        let end = elo.rating(1)
        #expect(elo.rating(1, season: 2024) == end)
        #expect(abs(elo.rating(1, season: 2025) - (1500 + (end - 1500) * 0.75)) < 1e-9)
    }

    @Test func restTravelAndFormComeFromTheLastKnownGame() {
        let history = [
            // Sunday 19:00 Eastern: Denver wins at Boston by 8.
            Self.game(1, home: Self.boston, away: Self.denver, at: -5, score: (100, 108)),
            // Monday 19:00 Eastern: Boston beats Miami by 4 at home.
            Self.game(2, home: Self.boston, away: Self.miami, at: 24, score: (104, 100)),
        ]
        var builder = FeatureBuilder(sport: "nba", teams: [Self.boston, Self.denver, Self.miami], finishedGames: history)
        // Tuesday 19:00 Eastern at Miami against Denver, featured an hour before.
        let target = Self.game(3, home: Self.miami, away: Self.denver, at: 48)
        let features = builder.features(for: target, asOf: target.scheduledAt.addingTimeInterval(-3600))

        #expect(features["rest_days_home"] == 0)  // Miami played last night in Boston.
        #expect(features["rest_b2b_home"] == 1)
        #expect(features["rest_days_away"] == 1)  // Denver: Sunday, off Monday, Tuesday.
        #expect(features["rest_b2b_away"] == 0)
        let bostonToMiami = GreatCircle.kilometres(fromLatitude: 42.3662, longitude: -71.0621, toLatitude: 25.7814, longitude: -80.1870)
        #expect(features["travel_km_home"] == bostonToMiami)
        #expect(features["travel_km_away"] == bostonToMiami)
        #expect(features["form_avg_margin_home_last5"] == -4)
        #expect(features["form_avg_margin_away_last10"] == 8)
        #expect(features["form_win_rate_away_last5"] == 1)
        #expect(features["h2h_games_all"] == 0)
        #expect(features["h2h_home_win_rate_all"] == nil)
        #expect(features["situ_home"] == 1 && features["situ_primetime"] == 1 && features["situ_weekend"] == 0)
        #expect(features["team_elo_away"]! > 1500 && features["team_elo_home"]! < 1500)
    }

    @Test func aResultCountsOnlyOnceItIsKnown() {
        // Boston–Denver starts at 19:00 Eastern Monday; its result is known four hours after the start.
        let history = [Self.game(1, home: Self.boston, away: Self.denver, at: 24, score: (120, 100))]
        var builder = FeatureBuilder(sport: "nba", teams: [Self.boston, Self.denver, Self.miami], finishedGames: history)
        let target = Self.game(2, home: Self.miami, away: Self.boston, at: 48)
        let before = builder.features(for: target, asOf: history[0].scheduledAt.addingTimeInterval(4 * 3600 - 1))
        let after = builder.features(for: target, asOf: history[0].scheduledAt.addingTimeInterval(4 * 3600))
        #expect(before["team_elo_away"] == 1500 && before["form_avg_margin_away_last5"] == nil)
        #expect(after["team_elo_away"]! > 1500 && after["form_avg_margin_away_last5"] == 20)
        // Rest is the schedule's: Boston played the night before whether or not its result is known.
        #expect(before["rest_days_away"] == 0 && after["rest_days_away"] == 0)
        // Asking for an earlier point in time again replays: the same answer as the first time.
        #expect(builder.features(for: target, asOf: history[0].scheduledAt.addingTimeInterval(4 * 3600 - 1)) == before)
    }

    /// At the market's open, two days ahead, the games in between are not played yet; the schedule still says
    /// who plays the night before, so the back-to-back and the travel are known, and their log-odds adjustment.
    @Test func restAndTravelAtTheOpenComeFromTheSchedule() throws {
        let history = [Self.game(1, home: Self.denver, away: Self.miami, at: -5, score: (100, 90))]
        // Monday 19:00 Eastern: Boston hosts Miami, not played when Tuesday's game opens on Sunday.
        let monday = Self.game(2, home: Self.boston, away: Self.miami, at: 24)
        var builder = FeatureBuilder(
            sport: "nba", teams: [Self.boston, Self.denver, Self.miami], finishedGames: history, schedule: [monday])
        // Tuesday 19:00 Eastern: Miami hosts Denver, featured when its market opens 48 hours ahead.
        let target = Self.game(3, home: Self.miami, away: Self.denver, at: 48)
        let features = builder.features(for: target, asOf: target.scheduledAt.addingTimeInterval(-48 * 3600))

        #expect(features["rest_b2b_home"] == 1 && features["rest_days_home"] == 0)  // Miami, in Boston on Monday.
        #expect(features["rest_b2b_away"] == 0 && features["rest_days_away"] == 1)  // Denver, at home on Sunday.
        #expect(features["form_avg_margin_home_last5"] == -10)  // Monday's result is not known yet.
        let bostonToMiami = GreatCircle.kilometres(fromLatitude: 42.3662, longitude: -71.0621, toLatitude: 25.7814, longitude: -80.1870)
        let denverToMiami = GreatCircle.kilometres(fromLatitude: 39.7487, longitude: -105.0077, toLatitude: 25.7814, longitude: -80.1870)
        #expect(features["travel_km_home"] == bostonToMiami && features["travel_km_away"] == denverToMiami)
        // Miami's back-to-back costs it 1.8 points, Denver's longer trip 0.4 per 1,000 km more: log-odds 1.702 m / 12.5.
        let margin = -1.8 + 0.4 * (denverToMiami - bostonToMiami) / 1_000
        let adjustment = try #require(features["line_adjust_schedule"])
        #expect(abs(adjustment - 1.702 * margin / 12.5) < 1e-12)
        #expect(adjustment < 0)
    }

    @Test func lineConsensusIsTheMedianAcrossBooksAndCountsSteam() {
        let open = Self.monday
        let now = open.addingTimeInterval(7200)
        func line(_ book: String, _ market: String, _ outcome: String, _ price: (Double, Double), _ point: (Double, Double)? = nil)
            -> OddsLine
        {
            OddsLine(
                gameID: 9, bookmaker: book, market: market, outcome: outcome, openPrice: price.0, openPoint: point?.0, openedAt: open,
                currentPrice: price.1, currentPoint: point?.1, currentAt: now)
        }
        let lines = [
            line("a", "spreads", "home", (1.91, 1.91), (-3, -4)), line("a", "spreads", "away", (1.91, 1.91), (3, 4)),
            line("b", "spreads", "home", (1.91, 1.91), (-3, -4.5)),
            // Book c quotes only the away side: the home spread is its negation.
            line("c", "spreads", "away", (1.91, 1.91), (3.5, 3.5)),
            line("a", "totals", "over", (1.91, 1.91), (220.5, 221.5)), line("b", "totals", "under", (1.91, 1.91), (221.5, 221.5)),
            line("a", "h2h", "home", (1.80, 1.70)), line("a", "h2h", "away", (2.10, 2.25)),
            line("b", "h2h", "home", (1.75, 1.75)), line("b", "h2h", "away", (2.15, 2.15)),
            // A book with only one side of the moneyline has no vig-free probability.
            line("c", "h2h", "home", (1.90, 1.90)),
        ]
        let consensus = LineConsensus(lines: lines)
        #expect(consensus.spread == LineConsensus.Movement(open: -3, current: -4, steam: -2))
        #expect(consensus.total == LineConsensus.Movement(open: 221, current: 221.5, steam: 1))
        let aOpen = (1 / 1.80) / (1 / 1.80 + 1 / 2.10)
        let aNow = (1 / 1.70) / (1 / 1.70 + 1 / 2.25)
        let b = (1 / 1.75) / (1 / 1.75 + 1 / 2.15)
        let probability = try! #require(consensus.homeWinProbability)
        #expect(abs(probability.open - (aOpen + b) / 2) < 1e-12)
        #expect(abs(probability.current - (aNow + b) / 2) < 1e-12)
        #expect(probability.steam == 1)

        let features = consensus.features
        #expect(features["line_spread_current"] == -4 && features["line_spread_open"] == -3 && features["line_spread_move"] == -1)
        #expect(features["line_total_open"] == 221 && features["line_total_current"] == 221.5)
        #expect(features["line_homewinprob_open"] == probability.open)
        #expect(LineConsensus(lines: []).features.isEmpty)
        // Only book a quotes both sides of the spread, at the consensus -4: even money is a 0.5 cover chance.
        #expect(consensus.homeCoverProbability == 0.5 && features["line_homecoverprob_current"] == 0.5)
        // No book quotes both sides of the total.
        #expect(consensus.overProbability == nil && features["line_overprob_current"] == nil)

        // A run line: the number is ±1.5 everywhere but one book, and its prices are far from even money.
        let runLine = LineConsensus(lines: [
            line("x", "spreads", "home", (2.40, 2.40), (-1.5, -1.5)), line("x", "spreads", "away", (1.60, 1.60), (1.5, 1.5)),
            line("y", "spreads", "home", (2.30, 2.30), (-1.5, -1.5)), line("y", "spreads", "away", (1.65, 1.65), (1.5, 1.5)),
            line("z", "spreads", "home", (1.50, 1.50), (-2.5, -2.5)), line("z", "spreads", "away", (2.60, 2.60), (2.5, 2.5)),
            line("x", "totals", "over", (2.00, 1.95), (8.5, 9)), line("x", "totals", "under", (1.85, 1.90), (8.5, 9)),
            line("y", "totals", "over", (1.80, 1.80), (8.5, 8.5)), line("y", "totals", "under", (2.05, 2.05), (8.5, 8.5)),
        ])
        let x = (1 / 2.40) / (1 / 2.40 + 1 / 1.60)
        let y = (1 / 2.30) / (1 / 2.30 + 1 / 1.65)
        #expect(runLine.spread?.current == -1.5)
        #expect(abs(runLine.homeCoverProbability! - (x + y) / 2) < 1e-12 && runLine.homeCoverProbability! < 0.42)
        // The totals split 9 and 8.5 (median 8.75): both books are nearest, so both count.
        let overX = (1 / 1.95) / (1 / 1.95 + 1 / 1.90)
        let overY = (1 / 1.80) / (1 / 1.80 + 1 / 2.05)
        #expect(runLine.total?.current == 8.75)
        #expect(abs(runLine.overProbability! - (overX + overY) / 2) < 1e-12)
    }

    @Test func catalogNamesAreUniqueAndIncludeTheFixedLineNames() {
        for sport in FeatureCatalog.sports {
            let names = FeatureCatalog.names(sport: sport)
            #expect(Set(names).count == names.count)
            #expect(FeatureCatalog.lineNames.allSatisfy(names.contains))
            #expect(names.allSatisfy { $0.split(separator: "_").count >= 2 })
        }
        #expect(FeatureCatalog.names(sport: "mlb").contains("weather_temp_c"))
        #expect(!FeatureCatalog.names(sport: "nba").contains("weather_temp_c"))
        #expect(FeatureCatalog.names(sport: "curling").isEmpty)
        let half = Dictionary(uniqueKeysWithValues: FeatureCatalog.names(sport: "nba").prefix(10).map { ($0, 1.0) })
        // The sport's source-dependent names absent from `half` are not applicable, so they count as complete
        // (the starting-pitcher names are baseball's only).
        let notApplicable = FeatureCatalog.sourceDependentNames.intersection(FeatureCatalog.names(sport: "nba")).subtracting(half.keys).count
        #expect(notApplicable > 0)
        #expect(
            FeatureBuilder.completeness(half, sport: "nba")
                == Double(10 + notApplicable) / Double(FeatureCatalog.names(sport: "nba").count))
    }

    @Test func divisionalAndConferenceFlagsComeFromTheLeagueStructure() {
        let brooklyn = Team(id: 4, sport: "nba", externalID: "17", name: "Brooklyn", abbreviation: "BKN", venue: Self.boston.venue)
        let unknown = Team(id: 5, sport: "nba", externalID: "99", name: "Replayed City", abbreviation: "RPC", venue: Self.boston.venue)
        var builder = FeatureBuilder(sport: "nba", teams: [Self.boston, Self.denver, Self.miami, brooklyn, unknown], finishedGames: [])
        func flags(_ home: Team, _ away: Team) -> (Double?, Double?) {
            let features = builder.features(for: Self.game(9, home: home, away: away, at: 24), asOf: Self.monday)
            return (features["situ_divisional"], features["situ_conference"])
        }
        #expect(flags(Self.boston, brooklyn) == (1, 1))  // Atlantic
        #expect(flags(Self.boston, Self.miami) == (0, 1))  // Atlantic v Southeast, both East
        #expect(flags(Self.denver, Self.boston) == (0, 0))
        #expect(flags(unknown, Self.boston) == (nil, nil))
        let structure = LeagueStructure(sport: "mlb")
        #expect(structure.alignment(abbreviation: "nyy")?.division == "AL East")
        #expect(structure.alignment(abbreviation: "NYM")?.conference == "NL")
        #expect(LeagueStructure(sport: "curling").alignment(abbreviation: "NYY") == nil)
    }

    @Test func injuryCountsAreFeaturesOnlyWhereTheListsWereCollected() {
        var builder = FeatureBuilder(sport: "nba", teams: [Self.boston, Self.denver], finishedGames: [])
        let game = Self.game(9, home: Self.boston, away: Self.denver, at: 24)
        let listed = [
            TeamInjuryCount(gameID: 9, teamID: Self.boston.id!, out: 2, dayToDay: 1),
            TeamInjuryCount(gameID: 9, teamID: Self.denver.id!, out: 0, dayToDay: 0),
            TeamInjuryCount(gameID: 8, teamID: Self.boston.id!, out: 5, dayToDay: 5),
        ]
        let features = builder.features(for: game, asOf: Self.monday, injuries: listed)
        #expect(features["team_injured_out_home_current"] == 2 && features["team_injured_dtd_home_current"] == 1)
        #expect(features["team_injured_out_away_current"] == 0 && features["team_injured_dtd_away_current"] == 0)
        let unknown = builder.features(for: game, asOf: Self.monday)
        #expect(unknown["team_injured_out_home_current"] == nil && unknown["team_injured_out_away_current"] == nil)
        #expect(FeatureBuilder.completeness(unknown, sport: "nba") == FeatureBuilder.completeness(features, sport: "nba"))
    }

    /// A game without Statcast is incomplete where Statcast is collected (a broken collector blocks predictions), and
    /// complete where the deployment does not collect it (a replayed file of scores and prices).
    /// A season's opening night: last season's games give each side its form, rest and rating, and its season record
    /// has nothing to count yet. That is known, not missing, so the game counts as complete as one in mid-season and
    /// quality checks do not block every team's first game; a side with no record at all is still incomplete.
    @Test func aSeasonsOpeningGameIsNotMissingItsSeasonRecord() {
        let lastSeason = [
            Self.game(1, home: Self.boston, away: Self.denver, at: -24 * 160, score: (100, 108), season: 2025),
            Self.game(2, home: Self.miami, away: Self.boston, at: -24 * 159, score: (99, 101), season: 2025),
        ]
        var builder = FeatureBuilder(sport: "nba", teams: [Self.boston, Self.denver, Self.miami], finishedGames: lastSeason)
        let opener = Self.game(3, home: Self.boston, away: Self.miami, at: 48, season: 2026)
        let features = builder.features(for: opener, asOf: opener.scheduledAt.addingTimeInterval(-3600))
        let seasonRecord = FeatureCatalog.seasonRecord(side: "home") + FeatureCatalog.seasonRecord(side: "away")
        #expect(seasonRecord.allSatisfy { features[$0] == nil })
        #expect(features["form_win_rate_home_last10"] == 0.5 && features["rest_days_away"] == 14)
        // The league's scoring rate is last season's until this season's first game is played.
        #expect(features["adv_off_rating_home_last10"] == 100 * 100.5 / 102)
        let withRecord = features.merging(seasonRecord.map { ($0, 0.5) }) { kept, _ in kept }
        #expect(FeatureBuilder.completeness(features, sport: "nba") == FeatureBuilder.completeness(withRecord, sport: "nba"))

        var newcomers = FeatureBuilder(sport: "nba", teams: [Self.boston, Self.denver, Self.miami], finishedGames: [])
        let debut = newcomers.features(for: opener, asOf: opener.scheduledAt.addingTimeInterval(-3600))
        let debutWithRecord = debut.merging(seasonRecord.map { ($0, 0.5) }) { kept, _ in kept }
        #expect(FeatureBuilder.completeness(debut, sport: "nba") < FeatureBuilder.completeness(debutWithRecord, sport: "nba"))
    }

    @Test func aSourceTheDeploymentDoesNotCollectIsNotMissing() {
        let names = FeatureCatalog.names(sport: "mlb")
        let all = Dictionary(uniqueKeysWithValues: names.map { ($0, 1.0) })
        let statcast = Set(FeatureCatalog.names(from: .statcast))
        #expect(!statcast.isEmpty && statcast.isSubset(of: names) && statcast.isDisjoint(with: FeatureCatalog.sourceDependentNames))
        let withoutStatcast = all.filter { !statcast.contains($0.key) }
        #expect(FeatureBuilder.completeness(all, sport: "mlb") == 1)
        #expect(FeatureBuilder.completeness(withoutStatcast, sport: "mlb") == Double(names.count - statcast.count) / Double(names.count))
        #expect(FeatureBuilder.completeness(withoutStatcast, sport: "mlb", uncollected: [.statcast]) == 1)
        // Scores and prices are what every feature set is built on: no source takes them away.
        let lines = all.filter { !FeatureCatalog.lineNames.contains($0.key) }
        #expect(FeatureBuilder.completeness(lines, sport: "mlb", uncollected: [.games, .odds]) < 1)
    }

    @Test func payloadValidationExplainsWhatIsWrong() throws {
        let registry = JobRegistry()
        FeatureJobs.declare(in: registry)
        try registry.validate(type: "featurize", payload: "{}")
        try registry.validate(type: "featurize", payload: #"{"sport":"mlb","from":"2026-04-01","to":"2026-05-01T00:00:00Z","lead_minutes":30}"#)
        for (payload, message) in [
            (#"{"sport":"curling"}"#, "has no features"),
            (#"{"from":"2026-04-01"}"#, "go together"),
            (#"{"from":"2026-05-01","to":"2026-04-01"}"#, "before"),
            (#"{"from":"April","to":"2026-04-01"}"#, "ISO 8601"),
            (#"{"from":"2024-01-01","to":"2026-04-01"}"#, "at most"),
            (#"{"lead_minutes":-5}"#, "lead_minutes"),
        ] {
            let error = #expect(throws: QueueError.self) { try registry.validate(type: "featurize", payload: payload) }
            #expect(error.map { "\($0)".contains(message) } == true, "\(payload): \(String(describing: error))")
        }
        let history = Featurize(sport: "nba", from: Self.monday, to: Self.monday.addingTimeInterval(86_400))
        #expect(history.range == Self.monday..<Self.monday.addingTimeInterval(86_400) && history.lead == 3600)
        #expect(Featurize(sport: nil).range == nil)
    }
}
