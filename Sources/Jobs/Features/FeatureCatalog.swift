/// The feature-set versions the featurizer writes, and the ordered feature names of each sport.
///
/// Names follow the seed's `{category}_{metric}_{window}`; a per-team metric carries `home` / `away` before
/// the window (`form_avg_margin_home_last5`). Training builds its columns from `names(sport:)`, in order, and
/// reads a name absent from a game's features as missing.
public enum FeatureCatalog {
    /// The version the featurizer writes now; changing any name or definition means a new version.
    ///
    /// v2 added injury counts, the divisional and conference flags and the spread-cover and over probabilities
    /// to v1; v3 added the sharp book's line moves, baseball's starting-pitcher form and bullpen use, and moved
    /// Elo to FiveThirtyEight's constants; v4 reads rest and travel from the schedule instead of the finished
    /// games (at the open, two days ahead, those missed the games in between) and added `line_adjust_schedule`; v5
    /// added baseball's `line_adjust_starters`; v6 the starters' strikeouts minus walks per nine innings from the box
    /// scores (`sp_kbb9_*_last15`) and what they are worth (`line_adjust_starter_kbb`); v7 the NFL's, NHL's and Premier
    /// League's team box scores (`teamBoxScoreNames`: shots, possession, power plays, yards per play, turnovers); v8
    /// the Premier League's weather (the names baseball and football have had since v3); v9 each team's mean open→close
    /// line move over its last 20 games (`line_drift_*_last20`, ``TeamLineMoves``) and what the two are worth
    /// (`line_adjust_drift`).
    /// A champion on an older version keeps predicting while the featurizer can still compute its version
    /// (`computable`): the featurizer writes every computable version a serving champion needs beside this one.
    public static let version = "v9"

    /// The versions this build computes, oldest first. A version leaves this list (and its code the builder) once
    /// no serving champion needs it: a champion on a version not listed here stops predicting.
    public static let computable = ["v3", "v4", "v5", "v6", "v7", "v8", "v9"]

    /// The sports with a feature list.
    public static let sports = ["nba", "mlb", "epl", "nhl", "nfl"]

    /// The fixed names training and predict rely on: the market's consensus lines (home spread, total, home
    /// win probability without vig), at each book's first snapshot and its latest before `as_of`, and the
    /// no-vig probabilities of covering the current spread and going over the current total.
    public static let lineNames = [
        "line_spread_open", "line_spread_current", "line_total_open", "line_total_current",
        "line_homewinprob_open", "line_homewinprob_current", "line_homecoverprob_current", "line_overprob_current",
    ]

    /// Names absent whenever their source does not cover a game, and then not counted against its completeness:
    /// the league structure knows no division for teams outside the leagues it lists, injury lists have no
    /// history (a game before the platform first collected its sport's list has no injury counts), starters are
    /// announced a day or so ahead (and a pitcher's first start has no form), the sharp book does not quote
    /// every game, innings are known only for games whose line score was collected, team box scores only for
    /// games whose summary was, travel only between venues whose place is known (a replayed season's are not), and a
    /// team's line drift only once its finished games had prices collected.
    public static let sourceDependentNames: Set<String> = Set(
        ["situ_divisional", "situ_conference", "travel_km_home", "travel_km_away"] + injuryNames + sharpLineNames + startingPitching
            + sides("pen_extra_innings", "last3d") + teamBoxScoreNames + lineDriftNames)

    /// Every feature of `version` (default the current one) for `sport`, in column order; empty for a sport
    /// without features.
    public static func names(sport: String, version: String = version) -> [String] {
        let all: [String]
        switch sport {
        case "nba": all = common + basketballAdvanced
        case "mlb": all = common + baseballAdvanced + weather + startingPitching + bullpen
        case "epl": all = common + drawLines + soccerAdvanced + weather
        case "nhl": all = common + hockeyAdvanced
        case "nfl": all = common + footballAdvanced + weather
        default: return []
        }
        return all.filter { includes($0, sport: sport, version: version) }
    }

    /// The features added after v3, the oldest computable version, and the version that added each.
    private static let introducedIn = [
        "line_adjust_schedule": "v4", "line_adjust_starters": "v5", "sp_kbb9_home_last15": "v6", "sp_kbb9_away_last15": "v6",
        "line_adjust_starter_kbb": "v6",
    ].merging(teamBoxScoreNames.map { ($0, "v7") } + lineDriftNames.map { ($0, "v9") }) { first, _ in first }

    /// The features a sport gained after v3 that other sports had before, and the version that gave it them: the
    /// Premier League's weather came in v8, baseball's and football's are older.
    private static let introducedInSport = ["epl": Dictionary(uniqueKeysWithValues: weather.map { ($0, "v8") })]

    /// Whether `version` has the feature `name` (for the sports whose list names it; `sport` for a name that came
    /// to one sport later than to others): the one place that says which version added what, so the builder
    /// computes a feature only for the versions that have it.
    static func includes(_ name: String, sport: String? = nil, version: String) -> Bool {
        guard let added = sport.flatMap({ introducedInSport[$0]?[name] }) ?? introducedIn[name] else { return true }
        guard let addedAt = computable.firstIndex(of: added), let at = computable.firstIndex(of: version) else { return version == self.version }
        return at >= addedAt
    }

    /// Whether `version` reads rest and travel from the published schedule (v4 on); v3 read them from the team's
    /// last game known finished, which at the open missed the games in between.
    static func readsRestFromSchedule(version: String) -> Bool {
        version != "v3"
    }

    private static func sides(_ metric: String, _ window: String) -> [String] {
        ["\(metric)_home_\(window)", "\(metric)_away_\(window)"]
    }

    private static let common: [String] =
        // 1. Team performance.
        ["team_elo_home", "team_elo_away", "team_elo_diff", "team_elo_homewinprob"]
        + injuryNames
        + seasonRecordMetrics.flatMap { sides($0, "season") }
        // 2. Recent form.
        + sides("form_avg_margin", "last5") + sides("form_avg_margin", "last10")
        + sides("form_win_rate", "last5") + sides("form_win_rate", "last10")
        // 3. Rest and travel, and what they are worth as log-odds of a home win (an adjustment to the line).
        + ["rest_days_home", "rest_days_away", "rest_b2b_home", "rest_b2b_away", "travel_km_home", "travel_km_away"]
        + ["line_adjust_schedule"]
        // 4. Head-to-head (prior meetings, from the home team's side).
        + ["h2h_games_all", "h2h_home_win_rate_all", "h2h_avg_margin_all"]
        // 5. Line movement.
        + lineNames
        + ["line_spread_move", "line_spread_steam", "line_total_move", "line_total_steam",
            "line_homewinprob_move", "line_homewinprob_steam"]
        + sharpLineNames + lineDriftNames
        // 7. Situational.
        + ["situ_home", "situ_primetime", "situ_weekend", "situ_divisional", "situ_conference"]

    // 1. Team performance: the side's record this season, all absent before its first game of the season.
    private static let seasonRecordMetrics = ["team_avg_margin", "team_points_for", "team_points_against", "team_win_rate", "team_pythag"]

    /// The season record's names for `side` (`home` or `away`).
    public static func seasonRecord(side: String) -> [String] {
        seasonRecordMetrics.map { "\($0)_\(side)_season" }
    }

    // 5. Line movement of the sharp book alone (current minus its first snapshot).
    private static let sharpLineNames = ["line_spread_sharpmove", "line_total_sharpmove", "line_homewinprob_sharpmove"]

    // 5. Line movement of each side's recent games: the mean no-vig log-odds move toward the team from open to close
    // over its last 20 finished games, and what the two are worth as log-odds of a home win (v9).
    private static let lineDriftNames = sides("line_drift", "last20") + ["line_adjust_drift"]

    // 1. Team performance, baseball: the announced starter's team's runs allowed in his last starts, the
    // home-minus-away difference, his days of rest and his starts this season; what the two starters are worth as
    // log-odds of a home win (an adjustment to the line, `StarterEffect`); his strikeouts minus walks per nine innings
    // over his last 15 starts and what the two starters' are worth (`StarterStrikeouts`).
    private static let startingPitching: [String] =
        sides("sp_runs_allowed", "last3") + sides("sp_runs_allowed", "last5")
        + ["sp_runs_allowed_diff_last3", "sp_runs_allowed_diff_last5"]
        + ["sp_rest_days_home", "sp_rest_days_away"] + sides("sp_starts", "season") + ["line_adjust_starters"]
        + sides("sp_kbb9", "last15") + ["line_adjust_starter_kbb"]

    // 3. Rest, baseball: bullpen use, the team's games and extra-inning games on the three days before.
    private static let bullpen: [String] = sides("pen_games", "last3d") + sides("pen_extra_innings", "last3d")

    // 1. Team performance: players on the injury list at the point in time, ruled out and day-to-day.
    private static let injuryNames = sides("team_injured_out", "current") + sides("team_injured_dtd", "current")

    // 5. Line movement, three-way markets: the no-vig draw probability (its open, current, move and steam), which
    // the home-win model's forecast is split by (`ThreeWayForecast`).
    private static let drawLines = ["line_drawprob_open", "line_drawprob_current", "line_drawprob_move", "line_drawprob_steam"]

    // 8. Advanced, soccer: how often the side's last ten games were drawn, kept a clean sheet, and its goals for.
    private static let soccerAdvanced: [String] =
        sides("adv_draw_rate", "last10") + sides("adv_clean_sheet_rate", "last10") + sides("adv_goals_for", "last10")
        + soccerBoxScore

    // 8. Advanced, hockey: goals for and against over the last ten games, and how many of them went to overtime.
    private static let hockeyAdvanced: [String] =
        sides("adv_goals_for", "last10") + sides("adv_goals_against", "last10") + sides("adv_overtime_rate", "last10")
        + hockeyBoxScore

    // 8. Advanced, football: points for and against over the last five games (a season has seventeen), and how many
    // of the last ten were one-score games (decided by eight points or fewer).
    private static let footballAdvanced: [String] =
        sides("adv_points_for", "last5") + sides("adv_points_against", "last5") + sides("adv_one_score_rate", "last10")
        + footballBoxScore

    // 8. Advanced, from the teams' box scores (`TeamBoxScores`), v7. Soccer, over the last ten games: shots, shots on
    // target for and against, possession (a share) and corners won.
    private static let soccerBoxScore: [String] =
        sides("adv_shots", "last10") + sides("adv_shots_on_target", "last10") + sides("adv_shots_on_target_against", "last10")
        + sides("adv_possession", "last10") + sides("adv_corners", "last10")

    // Hockey, over the last ten games: shots on goal for and against, the power play's and the penalty kill's success
    // rates and the save rate.
    private static let hockeyBoxScore: [String] =
        sides("adv_shots", "last10") + sides("adv_shots_against", "last10") + sides("adv_power_play_pct", "last10")
        + sides("adv_penalty_kill_pct", "last10") + sides("adv_save_pct", "last10")

    // Football, over the last five games: yards per play gained and allowed, turnovers forced minus committed, and the
    // third-down conversion rate.
    private static let footballBoxScore: [String] =
        sides("adv_yards_per_play", "last5") + sides("adv_yards_per_play_allowed", "last5") + sides("adv_turnover_margin", "last5")
        + sides("adv_third_down_pct", "last5")

    /// The features read from the teams' box scores (v7), of every sport that has them.
    static let teamBoxScoreNames: [String] = soccerBoxScore + hockeyBoxScore + footballBoxScore

    // 8. Advanced, basketball: pace and efficiency proxies from scores.
    private static let basketballAdvanced: [String] =
        sides("adv_pace", "last10") + sides("adv_off_rating", "last10") + sides("adv_def_rating", "last10")

    // 8. Advanced, baseball: the batting side's Statcast batted balls, and what the team's pitchers allowed.
    private static let baseballAdvanced: [String] =
        sides("adv_exit_velo", "last30") + sides("adv_hardhit_rate", "last30") + sides("adv_xwobacon", "last30")
        + sides("adv_xwobacon_allowed", "last30")

    // 6. Weather: baseball, football and soccer (every NBA and NHL venue is indoors, so the values would be constants).
    /// Whether `sport` is played outdoors enough for the weather to be a feature (seed 2.4: it matters most in the
    /// NFL, then baseball; every Premier League ground is open, wind and rain cost goals).
    public static func readsWeather(sport: String) -> Bool { sport == "mlb" || sport == "nfl" || sport == "epl" }

    /// Whether `version` of `sport`'s features has the weather (the Premier League's from v8).
    static func readsWeather(sport: String, version: String) -> Bool {
        readsWeather(sport: sport) && includes("weather_temp_c", sport: sport, version: version)
    }

    /// The weather's observed names. A game without any of them had no observation at all (a replayed season has no
    /// weather source, a game far ahead no forecast yet): ``FeatureBuilder/completeness(_:sport:version:)`` counts
    /// that as the source's gap, as it does a missing box score; a game with some but not all of them is incomplete.
    static let weatherObservations = ["weather_temp_c", "weather_wind_kph", "weather_precip_mm", "weather_precip_prob"]

    /// The weather's names: the observation, then whether the venue is indoors (which the venue gives).
    static let weather = weatherObservations + ["weather_indoor"]

    /// The names only `source` gives: none for scores and prices, which every feature set is built on.
    public static func names(from source: BackfillSource) -> [String] {
        switch source {
        case .games, .odds: []
        case .statcast: baseballAdvanced
        case .weather: weather
        case .boxScores: teamBoxScoreNames + sides("pen_extra_innings", "last3d") + startingPitching
        }
    }
}
