import Foundation
import Store

/// Computes one sport's point-in-time features in memory, from history fetched once.
///
/// Hand it every finished game of the sport (any extra is ignored: it applies a game only once its result
/// counts as known at the `asOf` asked for), then ask for games in `asOf` order: the ratings and team logs
/// advance incrementally, so a season costs one pass. Asking for an earlier `asOf` replays from the start.
///
/// ```swift
/// var builder = FeatureBuilder(sport: "nba", teams: teams, finishedGames: history)
/// let features = builder.features(for: game, asOf: game.scheduledAt.addingTimeInterval(-3600), odds: lines)
/// ```
public struct FeatureBuilder: Sendable {
    /// Days of Statcast in the `adv_*_last30` features.
    public static let statcastDays = 30
    /// Days before a game whose games count in the bullpen-use features (`pen_*_last3d`).
    public static let bullpenDays = 3

    /// The sport code.
    public let sport: String
    private let teams: [Int: Team]
    private let history: [Game]
    private var applied = 0
    private var appliedAsOf = Date.distantPast
    private var elo: EloRatings
    private var results: [Int: [TeamResult]] = [:]
    private var seasonPoints: [Int?: (points: Int, teamGames: Int)] = [:]
    private var statcast: StatcastTeamWindow
    private let league: LeagueStructure
    /// Finished games applied so far (their results known at `appliedAsOf`), by id.
    private var known: [Int: Game] = [:]
    private let starters: StarterHistory
    private let starterLines: StarterStrikeouts
    private let boxScores: TeamBoxScores
    /// Each finished game's open→close move of the home side's no-vig log-odds, by id (``TeamLineMoves``).
    private let lineMoves: [Int: Double]
    private let schedule: TeamSchedule
    private var scheduleEffect: ScheduleEffect?
    /// The feature-set version computed.
    public private(set) var version: String

    /// A builder over the sport's teams, finished games, published schedule (games of any status: when and where
    /// they are played is read, never their results; the finished games are on it too), Statcast batter-game sums
    /// (MLB), starting-pitcher sightings (MLB; any first seen at or after an `asOf` asked for is ignored for it) and
    /// starters' box-score lines (MLB; those of games whose results were not known at an `asOf` are ignored for it) and
    /// teams' box-score statistics (NFL, NHL, EPL; read only for games in a team's log, known at the `asOf`) and the
    /// finished games' line moves by id (``TeamLineMoves/moves(_:)``; read only for games in a team's log).
    ///
    /// `version` is the feature set computed (`FeatureCatalog.computable`): v3 reads rest and travel from the
    /// team's last game known finished at `asOf` and has no `line_adjust_schedule`.
    public init(
        sport: String, teams: [Team], finishedGames: [Game], schedule: [Game] = [], batterGames: [BatterGameStatcast] = [],
        starters: [GameStarter] = [], pitcherLines: [PitcherGameLine] = [], teamStats: [TeamGameStats] = [],
        lineMoves: [Int: Double] = [:], version: String = FeatureCatalog.version
    ) {
        self.version = version
        self.sport = sport
        self.teams = Dictionary(teams.compactMap { team in team.id.map { ($0, team) } }, uniquingKeysWith: { first, _ in first })
        history = finishedGames.filter { $0.sport == sport && $0.status == .final && $0.homeScore != nil && $0.awayScore != nil && $0.id != nil }
            .sorted { ($0.scheduledAt, $0.id!) < ($1.scheduledAt, $1.id!) }
        elo = EloRatings(parameters: .sport(sport))
        statcast = StatcastTeamWindow(rows: batterGames, days: Self.statcastDays)
        league = LeagueStructure(sport: sport)
        self.starters = StarterHistory(starters)
        starterLines = StarterStrikeouts(pitcherLines)
        boxScores = TeamBoxScores(teamStats)
        self.lineMoves = lineMoves
        self.schedule = TeamSchedule(history + schedule.filter { $0.sport == sport })
        scheduleEffect = FeatureCatalog.includes("line_adjust_schedule", version: version) ? ScheduleEffect.sport(sport) : nil
    }

    /// A copy of this builder computing `version` instead.
    func computing(_ version: String) -> FeatureBuilder {
        var copy = self
        copy.version = version
        copy.scheduleEffect = FeatureCatalog.includes("line_adjust_schedule", version: version) ? ScheduleEffect.sport(sport) : nil
        return copy
    }

    /// The share of the catalog's names of `version` for `sport` present in `features` (or not applicable), 0…1. The
    /// names only an `uncollected` source gives are not applicable: the deployment does not collect it at all.
    public static func completeness(
        _ features: [String: Double], sport: String, version: String = FeatureCatalog.version, uncollected: Set<BackfillSource> = []
    ) -> Double {
        let names = FeatureCatalog.names(sport: sport, version: version)
        guard !names.isEmpty else { return 0 }
        // Teams that never met have no head-to-head rates to compute: that is known, not missing.
        var notApplicable = FeatureCatalog.sourceDependentNames.union(uncollected.flatMap(FeatureCatalog.names(from:)))
        if features["h2h_games_all"] == 0 { notApplicable.formUnion(["h2h_home_win_rate_all", "h2h_avg_margin_all"]) }
        if !FeatureCatalog.weatherObservations.contains(where: { features[$0] != nil }) { notApplicable.formUnion(FeatureCatalog.weather) }
        // A side with a record but no game yet this season has no season figures to compute: that is known too.
        for side in ["home", "away"] {
            let season = FeatureCatalog.seasonRecord(side: side)
            if !season.contains(where: { features[$0] != nil }), features["form_win_rate_\(side)_last10"] != nil {
                notApplicable.formUnion(season)
            }
        }
        return Double(names.count(where: { features[$0] != nil || notApplicable.contains($0) })) / Double(names.count)
    }

    /// The features of `game` from what was known before `asOf`: results of games known by then, `odds` (the
    /// game's lines before `asOf`), `weather` (the latest observation before `asOf`) and `injuries` (each
    /// team's injury list then; empty when the sport's lists were not collected yet). A value that cannot be
    /// computed is absent.
    public mutating func features(
        for game: Game, asOf: Date, odds: [OddsLine] = [], weather: WeatherObservation? = nil, injuries: [TeamInjuryCount] = []
    ) -> [String: Double] {
        advance(to: asOf)
        var features: [String: Double] = [:]
        let home = game.homeTeamID
        let away = game.awayTeamID
        let venue = teams[home]?.venue
        let timeZone = Self.timeZone(venue?.timeZone)

        // 1. Team performance.
        let homeElo = elo.rating(home, season: game.season)
        let awayElo = elo.rating(away, season: game.season)
        features["team_elo_home"] = homeElo
        features["team_elo_away"] = awayElo
        features["team_elo_diff"] = homeElo - awayElo
        features["team_elo_homewinprob"] = elo.homeWinProbability(home: homeElo, away: awayElo, isNeutralSite: game.isNeutralSite)
        for (side, team) in [("home", home), ("away", away)] {
            if let listed = injuries.first(where: { $0.gameID == game.id && $0.teamID == team }) {
                features["team_injured_out_\(side)_current"] = Double(listed.out)
                features["team_injured_dtd_\(side)_current"] = Double(listed.dayToDay)
            }
            let log = results[team] ?? []
            let season = log.filter { Self.sameSeason($0, game, asOf: asOf) }
            features["team_avg_margin_\(side)_season"] = season.mean { Double($0.margin) }
            features["team_points_for_\(side)_season"] = season.mean { Double($0.pointsFor) }
            features["team_points_against_\(side)_season"] = season.mean { Double($0.pointsAgainst) }
            features["team_win_rate_\(side)_season"] = season.mean { $0.isWin ? 1 : 0 }
            features["team_pythag_\(side)_season"] = pythagorean(season)

            // 2. Recent form.
            for window in [5, 10] {
                let recent = log.suffix(window)
                features["form_avg_margin_\(side)_last\(window)"] = recent.mean { Double($0.margin) }
                features["form_win_rate_\(side)_last\(window)"] = recent.mean { $0.isWin ? 1 : 0 }
            }

            // 3. Rest and travel, from the team's last game on the schedule (played or not by `asOf`); in v3, from
            // its last game known finished.
            let previous = !FeatureCatalog.readsRestFromSchedule(version: version)
                ? log.last.map { TeamSchedule.Slot(gameID: $0.gameID, scheduledAt: $0.scheduledAt, venueTeam: $0.venueTeam, isNeutralSite: $0.isNeutralSite) }
                : schedule.previous(team: team, before: game)
            if let last = previous {
                let previousZone = Self.timeZone(teams[last.venueTeam]?.venue?.timeZone)
                let rest = Self.localDay(game.scheduledAt, timeZone) - Self.localDay(last.scheduledAt, previousZone) - 1
                // A season's first game would otherwise report the whole off-season.
                features["rest_days_\(side)"] = Double(min(max(rest, 0), 14))
                features["rest_b2b_\(side)"] = rest <= 0 ? 1 : 0
                // A football team flies home between weekly games: its trip starts at its own stadium.
                let origin = sport == "nfl" ? team : last.venueTeam
                if !game.isNeutralSite, sport == "nfl" || !last.isNeutralSite, let venue, let previous = teams[origin]?.venue {
                    features["travel_km_\(side)"] = GreatCircle.kilometres(
                        fromLatitude: previous.latitude, longitude: previous.longitude, toLatitude: venue.latitude, longitude: venue.longitude)
                }
            }

            // 8. Advanced.
            if CollectedSport.hasDraw(sport) {
                let recent = log.suffix(10)
                features["adv_draw_rate_\(side)_last10"] = recent.mean { $0.margin == 0 ? 1 : 0 }
                features["adv_clean_sheet_rate_\(side)_last10"] = recent.mean { $0.pointsAgainst == 0 ? 1 : 0 }
                features["adv_goals_for_\(side)_last10"] = recent.mean { Double($0.pointsFor) }
            }
            if sport == "nhl" {
                let recent = log.suffix(10)
                features["adv_goals_for_\(side)_last10"] = recent.mean { Double($0.pointsFor) }
                features["adv_goals_against_\(side)_last10"] = recent.mean { Double($0.pointsAgainst) }
                // A one-goal game may have gone to overtime or a shootout; the final score alone cannot tell, so
                // this counts one-goal games, the ones overtime decides.
                features["adv_overtime_rate_\(side)_last10"] = recent.mean { abs($0.margin) == 1 ? 1 : 0 }
            }
            if sport == "nfl" {
                let recent = log.suffix(5)
                features["adv_points_for_\(side)_last5"] = recent.mean { Double($0.pointsFor) }
                features["adv_points_against_\(side)_last5"] = recent.mean { Double($0.pointsAgainst) }
                // One score (a touchdown and a two-point conversion) can swing these; their share says how much of a
                // record is luck.
                features["adv_one_score_rate_\(side)_last10"] = log.suffix(10).mean { abs($0.margin) <= 8 ? 1 : 0 }
            }
            if sport == "nba" {
                let recent = log.suffix(10)
                features["adv_pace_\(side)_last10"] = recent.mean { Double($0.pointsFor + $0.pointsAgainst) }
                if let league = leagueAveragePoints(season: game.season), league > 0 {
                    features["adv_off_rating_\(side)_last10"] = recent.mean { Double($0.pointsFor) }.map { 100 * $0 / league }
                    features["adv_def_rating_\(side)_last10"] = recent.mean { Double($0.pointsAgainst) }.map { 100 * $0 / league }
                }
            }
            for (name, value) in boxScores.features(sport: sport, team: team, side: side, log: log)
            where FeatureCatalog.includes(name, version: version) {
                features[name] = value
            }
        }

        // 3. The schedule's edge as an adjustment to the line's log-odds; a side with no game before this one is
        // rested and has not travelled.
        if let effect = scheduleEffect {
            func value(_ name: String) -> Double { features[name] ?? 0 }
            // A side with no game before is fully rested: the rest cap (counted only where rest is worth points).
            func rest(_ name: String) -> Double { features[name] ?? 14 }
            let margin = effect.margin(
                backToBack: (value("rest_b2b_home"), value("rest_b2b_away")),
                kilometres: (value("travel_km_home"), value("travel_km_away")), restDays: (rest("rest_days_home"), rest("rest_days_away")))
            features["line_adjust_schedule"] = effect.logOdds(margin: margin)
        }

        // 4. Head-to-head, from the home team's side of every earlier meeting.
        let meetings = (results[home] ?? []).filter { $0.opponent == away }
        features["h2h_games_all"] = Double(meetings.count)
        features["h2h_home_win_rate_all"] = meetings.mean { $0.isWin ? 1 : 0 }
        features["h2h_avg_margin_all"] = meetings.mean { Double($0.margin) }

        // 5. Line movement; the store already cut at asOf, this only guards against a caller that did not.
        let gameID = game.id
        features.merge(LineConsensus(lines: odds.filter { $0.gameID == gameID && $0.currentAt < asOf }).features) { $1 }
        if FeatureCatalog.includes("line_drift_home_last20", version: version) {
            let drift = (home: TeamLineMoves.mean(results[home] ?? []), away: TeamLineMoves.mean(results[away] ?? []))
            features["line_drift_home_last20"] = drift.home
            features["line_drift_away_last20"] = drift.away
            // A side none of whose games had prices yet has no drift to speak of: 0, so the other's still counts.
            if drift.home != nil || drift.away != nil {
                features["line_adjust_drift"] = TeamLineMoves.worth * ((drift.home ?? 0) - (drift.away ?? 0))
            }
        }

        // 6. Weather (baseball, football, and soccer from v8).
        if FeatureCatalog.readsWeather(sport: sport, version: version), let venue {
            let weather = weather.flatMap { $0.gameID == gameID && $0.observedAt < asOf ? $0 : nil }
            features["weather_indoor"] = venue.isIndoor ? 1 : 0
            if venue.isIndoor {
                // Under a roof the game sees room conditions: neutral values, and the features are complete.
                features["weather_temp_c"] = 21
                features["weather_wind_kph"] = 0
                features["weather_precip_mm"] = 0
                features["weather_precip_prob"] = 0
            } else if let weather {
                features["weather_temp_c"] = weather.temperatureC
                features["weather_wind_kph"] = weather.windSpeedKPH
                features["weather_precip_mm"] = weather.precipitationMM
                features["weather_precip_prob"] = weather.precipitationProbability
            }
        }

        // 7. Situational.
        features["situ_home"] = game.isNeutralSite ? 0 : 1
        let local = game.scheduledAt.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: game.scheduledAt))
        features["situ_primetime"] = local.truncatingRemainder(dividingBy: 86_400) >= 19 * 3600 ? 1 : 0
        // 1970-01-01 was a Thursday: day 0 is weekday 4 counting from Sunday.
        let weekday = (Self.localDay(game.scheduledAt, timeZone) + 4) % 7
        features["situ_weekend"] = weekday == 0 || weekday == 6 ? 1 : 0
        if let homeAlignment = league.alignment(abbreviation: teams[home]?.abbreviation),
            let awayAlignment = league.alignment(abbreviation: teams[away]?.abbreviation)
        {
            features["situ_divisional"] = homeAlignment.division == awayAlignment.division ? 1 : 0
            features["situ_conference"] = homeAlignment.conference == awayAlignment.conference ? 1 : 0
        }

        // 8. Advanced (baseball): Statcast through the day before asOf's Eastern day.
        if sport == "mlb" {
            let teams = statcast.teams(before: Self.statcastCutoff(asOf))
            for (side, team) in [("home", home), ("away", away)] {
                guard let totals = teams[team] else { continue }
                let batting = totals.batting
                if batting.battedBalls > 0 {
                    features["adv_exit_velo_\(side)_last30"] = batting.exitVelocitySum / Double(batting.battedBalls)
                    features["adv_hardhit_rate_\(side)_last30"] = Double(batting.hardHitBalls) / Double(batting.battedBalls)
                }
                if batting.expectedWOBABalls > 0 {
                    features["adv_xwobacon_\(side)_last30"] = batting.expectedWOBASum / Double(batting.expectedWOBABalls)
                }
                if totals.allowed.expectedWOBABalls > 0 {
                    features["adv_xwobacon_allowed_\(side)_last30"] =
                        totals.allowed.expectedWOBASum / Double(totals.allowed.expectedWOBABalls)
                }
            }
        }
        if sport == "mlb" { features.merge(pitching(for: game, asOf: asOf, timeZone: timeZone)) { $1 } }
        return features
    }

    /// Baseball's starting-pitcher form and bullpen use.
    ///
    /// A side's starter is the pitcher announced for it before `asOf`; his earlier starts are the finished games
    /// (results known at `asOf`) he was the announced starter of as known at `asOf`. Runs allowed are his team's
    /// runs allowed in those games, so the bullpen's share is in them too. Bullpen use counts the team's games,
    /// and extra-inning games, on the days before the game's.
    private func pitching(for game: Game, asOf: Date, timeZone: TimeZone) -> [String: Double] {
        var features: [String: Double] = [:]
        let day = Self.localDay(game.scheduledAt, timeZone)
        var runsAllowed: [Int: [String: Double]] = [:]
        var starterFactors: [String: Double] = [:]
        var strikeoutFactors: [String: Double] = [:]
        let runsPerGame = leagueAveragePoints(season: game.season) ?? 4.5
        let readsLines = FeatureCatalog.includes("line_adjust_starter_kbb", version: version)
        let leaguePerNine = readsLines ? starterLines.leaguePerNine(asOf: asOf) : nil
        for (side, team) in [("home", game.homeTeamID), ("away", game.awayTeamID)] {
            // The log is in start order and a team plays at most a few games in three days.
            let recent = (results[team] ?? []).suffix(10).filter {
                let played = Self.localDay($0.scheduledAt, Self.timeZone(teams[$0.venueTeam]?.venue?.timeZone))
                return played < day && played >= day - Self.bullpenDays
            }
            features["pen_games_\(side)_last3d"] = Double(recent.count)
            if recent.allSatisfy({ $0.innings != nil }) {
                features["pen_extra_innings_\(side)_last3d"] = Double(recent.count { ($0.innings ?? 0) > 9 })
            }

            guard let gameID = game.id, let starter = starters.starter(gameID: gameID, teamID: team, asOf: asOf) else { continue }
            let starts = starters.starts(of: starter.athleteID, asOf: asOf).compactMap { start -> (game: Game, teamID: Int)? in
                guard start.gameID != gameID, let started = known[start.gameID] else { return nil }
                return (started, start.teamID)
            }.sorted { ($0.game.scheduledAt, $0.game.id!) < ($1.game.scheduledAt, $1.game.id!) }
            features["sp_starts_\(side)_season"] = Double(
                starts.count { start in
                    if let season = game.season { return start.game.season == season }
                    return start.game.scheduledAt > asOf.addingTimeInterval(-365 * 86_400)
                })
            let allowed = starts.map { Double($0.teamID == $0.game.homeTeamID ? $0.game.awayScore! : $0.game.homeScore!) }
            for window in [3, 5] where !allowed.isEmpty {
                let last = allowed.suffix(window)
                let mean = last.reduce(0, +) / Double(last.count)
                features["sp_runs_allowed_\(side)_last\(window)"] = mean
                runsAllowed[window, default: [:]][side] = mean
            }
            if FeatureCatalog.includes("line_adjust_starters", version: version), let first = starts.first {
                // His team's runs allowed over the same span as his starts, all its games counted (the log is in start order).
                let span = (results[team] ?? []).drop { $0.scheduledAt < first.game.scheduledAt }
                if let teamMean = span.mean({ Double($0.pointsAgainst) }),
                    let factor = StarterEffect.factor(allowedInStarts: allowed, teamMeanAllowed: teamMean)
                {
                    starterFactors[side] = factor
                }
            }
            if readsLines {
                let lines = starterLines.recent(starter.athleteID, excluding: gameID, asOf: asOf)
                features["sp_kbb9_\(side)_last15"] = StarterStrikeouts.perNine(lines)
                if let leaguePerNine {
                    strikeoutFactors[side] = StarterStrikeouts.factor(lines, leaguePerNine: leaguePerNine, runsPerGame: runsPerGame)
                }
            }
            if let last = starts.last {
                let previousZone = Self.timeZone(teams[last.game.homeTeamID]?.venue?.timeZone)
                let rest = day - Self.localDay(last.game.scheduledAt, previousZone) - 1
                // A season's first start would otherwise report the whole off-season.
                features["sp_rest_days_\(side)"] = Double(min(max(rest, 0), 30))
            }
        }
        for window in [3, 5] {
            if let home = runsAllowed[window]?["home"], let away = runsAllowed[window]?["away"] {
                features["sp_runs_allowed_diff_last\(window)"] = home - away
            }
        }
        if let home = starterFactors["home"], let away = starterFactors["away"] {
            features["line_adjust_starters"] = StarterEffect.logOdds(home: home, away: away, runsPerGame: runsPerGame)
        }
        // A starter without a line yet counts as the league's average, so one debut does not hide the other's record.
        if leaguePerNine != nil, features["sp_starts_home_season"] != nil, features["sp_starts_away_season"] != nil {
            features["line_adjust_starter_kbb"] = StarterEffect.logOdds(
                home: strikeoutFactors["home"] ?? 1, away: strikeoutFactors["away"] ?? 1, runsPerGame: runsPerGame)
        }
        return features
    }

    /// Applies, in start order, every finished game whose result is known at `asOf`.
    private mutating func advance(to asOf: Date) {
        if asOf < appliedAsOf {
            applied = 0
            elo = EloRatings(parameters: elo.parameters)
            results = [:]
            seasonPoints = [:]
            known = [:]
        }
        appliedAsOf = asOf
        while applied < history.count, history[applied].scheduledAt.addingTimeInterval(FeatureSourceRepository.resultDelay) <= asOf {
            let game = history[applied]
            applied += 1
            guard let id = game.id, let homeScore = game.homeScore, let awayScore = game.awayScore else { continue }
            known[id] = game
            elo.record(
                home: game.homeTeamID, away: game.awayTeamID, homeScore: homeScore, awayScore: awayScore, season: game.season,
                isNeutralSite: game.isNeutralSite)
            for (team, opponent, isHome) in [(game.homeTeamID, game.awayTeamID, true), (game.awayTeamID, game.homeTeamID, false)] {
                results[team, default: []].append(
                    TeamResult(
                        gameID: id, scheduledAt: game.scheduledAt, season: game.season, opponent: opponent, isHome: isHome,
                        isNeutralSite: game.isNeutralSite, venueTeam: game.homeTeamID,
                        pointsFor: isHome ? homeScore : awayScore, pointsAgainst: isHome ? awayScore : homeScore,
                        innings: game.innings, lineMove: lineMoves[id].map { isHome ? $0 : -$0 }))
            }
            let total = seasonPoints[game.season] ?? (0, 0)
            seasonPoints[game.season] = (total.points + homeScore + awayScore, total.teamGames + 2)
        }
    }

    /// Points scored per team per game across the league this season so far.
    private func leagueAveragePoints(season: Int?) -> Double? {
        // A season's opening games have no average of their own yet: the last season's is the best estimate known.
        var known = season
        if seasonPoints[season] == nil, let season {
            guard let last = seasonPoints.keys.compactMap({ $0 }).filter({ $0 < season }).max() else { return nil }
            known = last
        }
        guard let total = seasonPoints[known], total.teamGames > 0 else { return nil }
        return Double(total.points) / Double(total.teamGames)
    }

    /// Bill James's expected win share from points for and against (exponent 14 in basketball, 2.37 in football,
    /// 1.83 in baseball, 2 in hockey, 1.3 in soccer, where goals are few).
    private func pythagorean(_ results: [TeamResult]) -> Double? {
        let pointsFor = Double(results.reduce(0) { $0 + $1.pointsFor })
        let pointsAgainst = Double(results.reduce(0) { $0 + $1.pointsAgainst })
        guard pointsFor + pointsAgainst > 0 else { return nil }
        let exponent = switch sport {
        case "nba": 14.0
        case "nfl": 2.37
        case "nhl": 2.0
        default: CollectedSport.hasDraw(sport) ? 1.3 : 1.83
        }
        return pow(pointsFor, exponent) / (pow(pointsFor, exponent) + pow(pointsAgainst, exponent))
    }

    /// Same season as `game` by the season column; without one, the year before `asOf`.
    private static func sameSeason(_ result: TeamResult, _ game: Game, asOf: Date) -> Bool {
        if let season = game.season { return result.season == season }
        return result.scheduledAt > asOf.addingTimeInterval(-365 * 86_400)
    }

    /// Days since 1970-01-01 of the calendar day `date` falls on in `timeZone`.
    static func localDay(_ date: Date, _ timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }

    /// The UTC midnight of `asOf`'s Eastern day: Statcast game dates before it were published by `asOf`.
    static func statcastCutoff(_ asOf: Date) -> Date {
        let day = localDay(asOf, timeZone(FeatureSourceRepository.statcastTimeZone))
        return Date(timeIntervalSince1970: Double(day) * 86_400)
    }

    private static func timeZone(_ identifier: String?) -> TimeZone {
        identifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "America/New_York")!
    }
}
