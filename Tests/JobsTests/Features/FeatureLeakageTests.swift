import Foundation
import Jobs
import Postgres
import Sandbox
import SandboxSupport
import Store
import Testing

/// Features as of T do not change when data from T on arrives: later odds (the sharp book's too), later results,
/// corrected scores and innings of games not finished by T, later weather, Statcast of T's day, injury lists
/// from T on, and starting pitchers announced or changed from T on. The schedule (who plays when and where) is
/// published before the season, so a game on it counts from the start; its result only once known.
@Suite struct FeatureLeakageTests {
    @Test func dataArrivingAfterAsOfDoesNotChangeFeatures() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            try await FeatureFixture.backfill(store, sandbox, sports: ["mlb"], from: "2026-04-01", to: "2026-04-14", statcast: true)
            let teams = Dictionary(uniqueKeysWithValues: try await store.teams.teams(sport: "mlb").map { ($0.id!, $0) })
            // The first game of April 12 at an open-air park, so weather matters.
            let day = try await store.games.games(
                sport: "mlb", from: FeatureFixture.day("2026-04-12").addingTimeInterval(4 * 3600),
                to: FeatureFixture.day("2026-04-13").addingTimeInterval(4 * 3600))
            let game = try #require(day.first { teams[$0.homeTeamID]?.venue?.isIndoor == false })
            let gameID = try #require(game.id)
            let asOf = game.scheduledAt.addingTimeInterval(-3600)
            let featurizer = Featurizer(store: store, now: { Date() })
            let parameters = Featurize(sport: "mlb", from: game.scheduledAt, to: game.scheduledAt.addingTimeInterval(1))
            try await store.weather.record(
                WeatherObservation(
                    gameID: gameID, source: "test", observedAt: asOf.addingTimeInterval(-3 * 3600), forecastFor: game.scheduledAt,
                    temperatureC: 14, windSpeedKPH: 12, precipitationMM: 0, precipitationProbability: 0.1))

            // Lists collected at T − 2 h, then at T, T + 1 min and T + 30 min: a report is listed from its first
            // sighting through the last list.
            let lastList = asOf.addingTimeInterval(1800)
            func injury(_ id: String, team: Int, status: String, seenAt: Date, until: Date) -> InjuryReport {
                InjuryReport(
                    sport: "mlb", teamID: team, sourceTeamID: "\(team)", source: "espn", injuryID: id, athleteName: "Player \(id)",
                    position: "SP", status: status, injuryType: "Elbow", returnDate: nil, reportedAt: seenAt, firstSeenAt: seenAt,
                    lastSeenAt: until)
            }
            // A game between the same teams three hours before T, on the schedule but still being played at T: its
            // place on the schedule (rest, travel) counts, its result must not.
            try await store.games.upsert(
                Game(
                    sport: "mlb", externalID: "leak-0", season: game.season, homeTeamID: game.homeTeamID, awayTeamID: game.awayTeamID,
                    scheduledAt: asOf.addingTimeInterval(-3 * 3600)))
            let earlier = asOf.addingTimeInterval(-7200)
            try await store.injuries.record(injury("known", team: game.homeTeamID, status: "10-Day-IL", seenAt: earlier, until: earlier))

            // Line scores of the finished games (every third went extra innings), and starters: each team's
            // ace announced for its earlier games the day before each, and for this game two hours before T.
            _ = try await store.query(
                "UPDATE games SET innings = CASE WHEN id % 3 = 0 THEN 11 ELSE 9 END WHERE status = 'final' AND sport = 'mlb'")
            let finished = try await store.featureSources.finishedGames(sport: "mlb", asOf: asOf)
            // The fixture's starters replace the ones the sandbox announced, so the expected counts are known.
            _ = try await store.query("DELETE FROM game_starters")
            func starter(_ gameID: Int, _ team: Int, _ athlete: String, seenAt: Date) -> GameStarter {
                GameStarter(gameID: gameID, teamID: team, source: "espn", athleteID: athlete, athleteName: athlete, firstSeenAt: seenAt)
            }
            var earlierStarts: [Int: [Game]] = [:]
            for team in [game.homeTeamID, game.awayTeamID] {
                let played = finished.filter { $0.homeTeamID == team || $0.awayTeamID == team }
                earlierStarts[team] = Array(played.suffix(8).enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
                for start in earlierStarts[team]! {
                    try await store.gameStarters.record(
                        starter(start.id!, team, "ace-\(team)", seenAt: start.scheduledAt.addingTimeInterval(-86_400)))
                }
                try await store.gameStarters.record(starter(gameID, team, "ace-\(team)", seenAt: earlier))
            }
            // The sharp book: its open well before T and a move two hours before.
            for (recordedAt, home) in [(asOf.addingTimeInterval(-8 * 3600), 1.9), (earlier, 1.7)] {
                try await store.odds.insert(
                    [
                        OddsSnapshot(
                            gameID: gameID, sport: "mlb", bookmaker: "pinnacle", market: "h2h", outcome: "home", price: home,
                            recordedAt: recordedAt),
                        OddsSnapshot(
                            gameID: gameID, sport: "mlb", bookmaker: "pinnacle", market: "h2h", outcome: "away", price: 4 - home,
                            recordedAt: recordedAt),
                        OddsSnapshot(
                            gameID: gameID, sport: "mlb", bookmaker: "pinnacle", market: "totals", outcome: "over", price: 1.95,
                            point: 7 + home, recordedAt: recordedAt),
                        OddsSnapshot(
                            gameID: gameID, sport: "mlb", bookmaker: "pinnacle", market: "spreads", outcome: "home", price: 1.95,
                            point: home > 1.8 ? -1.5 : -2.5, recordedAt: recordedAt),
                    ])
            }

            let first = try await featurizer.run(sport: "mlb", parameters, logger: CollectTestSupport.logger)
            #expect(first.gamesFeaturized >= 1)  // Other games may start at the same minute.
            let before = try #require(try await store.gameFeatures.featureSet(gameID: gameID, featureSetVersion: FeatureCatalog.version, asOf: asOf))
            #expect(before.asOf == asOf)
            // The fixture is rich enough for the test to mean something.
            for name in ["line_spread_current", "line_total_open", "line_homewinprob_current", "weather_temp_c", "adv_xwobacon_home_last30",
                "rest_days_home", "form_avg_margin_away_last5", "line_drift_home_last20", "line_drift_away_last20"]
            {
                #expect(before.features[name] != nil, "\(name) missing")
            }
            // Every feature v3, v4 and v5 added is computed here, so the comparison below covers each.
            let added =
                ["line_spread_sharpmove", "line_total_sharpmove", "line_homewinprob_sharpmove", "line_adjust_schedule", "line_adjust_starters"]
                + ["sp_runs_allowed_diff_last3", "sp_runs_allowed_diff_last5"]
                + ["home", "away"].flatMap { side in
                    [
                        "sp_runs_allowed_\(side)_last3", "sp_runs_allowed_\(side)_last5", "sp_rest_days_\(side)",
                        "sp_starts_\(side)_season",
                        "pen_games_\(side)_last3d", "pen_extra_innings_\(side)_last3d",
                    ]
                }
            for name in added { #expect(before.features[name] != nil, "\(name) missing") }
            #expect(before.features["sp_starts_home_season"] == 4 && before.features["sp_starts_away_season"] == 4)
            #expect(before.features["team_elo_home"] != 1500)
            #expect(before.features["team_injured_out_home_current"] == 1 && before.features["team_injured_out_away_current"] == 0)
            #expect(before.completeness > 0.9)

            // Odds at T and after: every line of the game, moved a lot.
            let lines = try await store.featureSources.oddsLines(for: [GameAsOf(gameID: gameID, asOf: asOf)])
            #expect(!lines.isEmpty)
            for recordedAt in [asOf, asOf.addingTimeInterval(600)] {
                try await store.odds.insert(
                    lines.map {
                        OddsSnapshot(
                            gameID: gameID, sport: "mlb", bookmaker: $0.bookmaker, market: $0.market, outcome: $0.outcome,
                            price: $0.currentPrice + 1, point: $0.currentPoint.map { $0 + 7 }, recordedAt: recordedAt)
                    })
            }
            // Moneylines recorded from T on for games that started before T (the home team's last known game, and the one
            // still being played): after their starts, so not their closes, and their drifts stay as they were.
            let lastKnown = try #require(finished.last { $0.homeTeamID == game.homeTeamID || $0.awayTeamID == game.homeTeamID })
            let playing = try await store.games.games(sport: "mlb", from: asOf.addingTimeInterval(-3 * 3600), to: asOf)
            for earlierGame in [lastKnown.id!] + playing.filter({ $0.externalID == "leak-0" }).map(\.id!) {
                for outcome in ["home", "away"] {
                    try await store.odds.insert([
                        OddsSnapshot(
                            gameID: earlierGame, sport: "mlb", bookmaker: "pinnacle", market: "h2h", outcome: outcome,
                            price: outcome == "home" ? 9 : 1.05, recordedAt: asOf.addingTimeInterval(60))
                    ])
                }
            }
            // Results not known at T: this game and every later one finish with new scores, the scheduled game three
            // hours before T (still playing at T) too, and a new game between the same teams after T.
            let unfinished = try await store.games.games(
                sport: "mlb", from: asOf.addingTimeInterval(-FeatureSourceRepository.resultDelay + 1), to: .distantFuture)
            #expect(unfinished.count > 5)
            for later in unfinished { try await store.games.updateResult(id: later.id!, status: .final, homeScore: 19, awayScore: 0) }
            _ = try await store.query("UPDATE games SET innings = 15 WHERE id = ANY(\(unfinished.map { $0.id! })::bigint[])")
            for (index, start) in [asOf.addingTimeInterval(-3 * 3600), asOf.addingTimeInterval(3600)].enumerated() {
                try await store.games.upsert(
                    Game(
                        sport: "mlb", externalID: "leak-\(index)", season: game.season, homeTeamID: game.homeTeamID,
                        awayTeamID: game.awayTeamID, scheduledAt: start, status: .final, homeScore: 0, awayScore: 25))
            }
            // Weather issued at T and after.
            for observedAt in [asOf, asOf.addingTimeInterval(1800)] {
                try await store.weather.record(
                    WeatherObservation(
                        gameID: gameID, source: "test", observedAt: observedAt, forecastFor: game.scheduledAt, temperatureC: -20,
                        windSpeedKPH: 90, precipitationMM: 30, precipitationProbability: 1))
            }
            // Injury lists from T on: three more home players out, the known one day-to-day, an away player out.
            for (index, seenAt) in [asOf, asOf.addingTimeInterval(60), lastList].enumerated() {
                try await store.injuries.record(injury("later-\(index)", team: game.homeTeamID, status: "Out", seenAt: seenAt, until: lastList))
            }
            try await store.injuries.record(injury("known", team: game.homeTeamID, status: "Day-To-Day", seenAt: asOf, until: lastList))
            try await store.injuries.record(
                injury("away", team: game.awayTeamID, status: "Out", seenAt: asOf.addingTimeInterval(60), until: lastList))
            // Starters from T on: this game's home starter scratched at T, the away ace announced for another earlier
            // game of his team a minute after T, and one of the home ace's earlier starts reassigned after T.
            try await store.gameStarters.record(starter(gameID, game.homeTeamID, "scratch", seenAt: asOf))
            let awayGames = finished.filter { $0.homeTeamID == game.awayTeamID || $0.awayTeamID == game.awayTeamID }
            let unannounced = try #require(
                awayGames.last { earlierGame in !earlierStarts[game.awayTeamID]!.contains { $0.id == earlierGame.id } })
            try await store.gameStarters.record(
                starter(unannounced.id!, game.awayTeamID, "ace-\(game.awayTeamID)", seenAt: asOf.addingTimeInterval(60)))
            let reassigned = try #require(earlierStarts[game.homeTeamID]?.last)
            try await store.gameStarters.record(starter(reassigned.id!, game.homeTeamID, "opener", seenAt: asOf.addingTimeInterval(120)))
            // Statcast of T's own day: the home team's batters hitting everything hard.
            _ = try await store.query(
                """
                INSERT INTO statcast (game_id, game_pk, game_date, at_bat_number, pitch_number, batter_id, pitcher_id,
                                      launch_speed_mph, expected_woba)
                SELECT \(gameID), 990000000 + s.id, (\(asOf)::timestamptz AT TIME ZONE 'America/New_York')::date,
                       s.at_bat_number, s.pitch_number, s.batter_id, s.pitcher_id, 119, 2.0
                FROM statcast s WHERE s.launch_speed_mph IS NOT NULL
                """)

            _ = try await featurizer.run(sport: "mlb", parameters, logger: CollectTestSupport.logger)
            let after = try #require(try await store.gameFeatures.featureSet(gameID: gameID, featureSetVersion: FeatureCatalog.version, asOf: asOf))
            #expect(after == before)

            // The same game featured as of its start does see the new data: the test can tell a leak.
            _ = try await featurizer.run(
                sport: "mlb", Featurize(sport: "mlb", from: game.scheduledAt, to: game.scheduledAt.addingTimeInterval(1), leadMinutes: 0),
                logger: CollectTestSupport.logger)
            let atStart = try #require(
                try await store.gameFeatures.featureSet(gameID: gameID, featureSetVersion: FeatureCatalog.version, asOf: game.scheduledAt))
            #expect(atStart.features["line_spread_current"] != before.features["line_spread_current"])
            #expect(atStart.features["weather_temp_c"] == -20)
            #expect(atStart.features["h2h_games_all"] != before.features["h2h_games_all"])
            #expect(atStart.features["team_injured_out_home_current"] == 3 && atStart.features["team_injured_dtd_home_current"] == 1)
            #expect(atStart.features["team_injured_out_away_current"] == 1)
            #expect(atStart.features["sp_starts_home_season"] == 0 && atStart.features["sp_runs_allowed_home_last3"] == nil)
            #expect(atStart.features["sp_starts_away_season"] == 5)

            // The home team's last known game closing elsewhere, recorded before its start (so before T), does change
            // the home side's drift as of T: the drift reads the closes.
            let closes = try await store.featureSources.oddsLines(
                for: [GameAsOf(gameID: lastKnown.id!, asOf: lastKnown.scheduledAt)], market: "h2h")
            #expect(!closes.isEmpty)
            try await store.odds.insert(
                closes.map {
                    OddsSnapshot(
                        gameID: lastKnown.id!, sport: "mlb", bookmaker: $0.bookmaker, market: "h2h", outcome: $0.outcome,
                        // Far toward the target's home team, whichever side it was.
                        price: ($0.outcome == "home") == (lastKnown.homeTeamID == game.homeTeamID) ? 1.1 : 6,
                        recordedAt: lastKnown.scheduledAt.addingTimeInterval(-1))
                })
            _ = try await featurizer.run(sport: "mlb", parameters, logger: CollectTestSupport.logger)
            let reclosed = try #require(
                try await store.gameFeatures.featureSet(gameID: gameID, featureSetVersion: FeatureCatalog.version, asOf: asOf))
            #expect(reclosed.features["line_drift_home_last20"]! > before.features["line_drift_home_last20"]!)
            if ![lastKnown.homeTeamID, lastKnown.awayTeamID].contains(game.awayTeamID) {
                #expect(reclosed.features["line_drift_away_last20"] == before.features["line_drift_away_last20"])
            }
        }
        await store.shutdown()
    }

    /// The teams' box scores (feature set v7): a game's statistics count once its result is known, never before, so
    /// statistics of games still to finish at T (the game's own among them), however they change later, leave the
    /// features as of T unchanged; a known game's do change them, so the test can tell a leak.
    @Test func boxScoresOfGamesNotKnownAtAsOfDoNotChangeFeatures() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            try await FeatureFixture.backfill(store, sandbox, sports: ["nhl"], from: "2026-01-05", to: "2026-01-20")
            let configuration = CollectorConfiguration.sandbox(sandbox, sports: ["nhl"])
            let summaries = SummariesCollector(
                client: ESPNClient(configuration: configuration.espn, upstream: UpstreamClient()), store: store, now: configuration.now)
            let collected = try await summaries.collect(
                CollectSummaries(sport: "nhl", from: "2026-01-05", to: "2026-01-20"), jobID: "box", logger: CollectTestSupport.logger)
            #expect(collected.teamStatsWritten > 100)
            let day = try await store.games.games(sport: "nhl", from: FeatureFixture.day("2026-01-18"), to: FeatureFixture.day("2026-01-19"))
            let game = try #require(day.last)
            let gameID = try #require(game.id)
            let asOf = game.scheduledAt.addingTimeInterval(-3600)
            let featurizer = Featurizer(store: store, now: { Date() })
            let parameters = Featurize(sport: "nhl", from: game.scheduledAt, to: game.scheduledAt.addingTimeInterval(1))

            _ = try await featurizer.run(sport: "nhl", parameters, logger: CollectTestSupport.logger)
            let before = try #require(try await store.gameFeatures.featureSet(gameID: gameID, featureSetVersion: FeatureCatalog.version, asOf: asOf))
            for name in FeatureCatalog.names(sport: "nhl").filter({ $0.hasPrefix("adv_") }) {
                #expect(before.features[name] != nil, "\(name) missing")
            }

            // Every game not known at T (the same evening's, this one's and the later ones') gets other statistics.
            let unknown = try await store.games.games(
                sport: "nhl", from: asOf.addingTimeInterval(-FeatureSourceRepository.resultDelay + 1), to: .distantFuture)
            #expect(unknown.contains { $0.id == gameID } && unknown.count > 5)
            _ = try await store.query(
                """
                UPDATE team_game_stats SET stats = '{"shotsTotal": 99, "powerPlayGoals": 9, "powerPlayOpportunities": 9}'::jsonb
                WHERE game_id = ANY(\(unknown.compactMap(\.id))::bigint[])
                """)
            _ = try await featurizer.run(sport: "nhl", parameters, logger: CollectTestSupport.logger)
            let after = try #require(try await store.gameFeatures.featureSet(gameID: gameID, featureSetVersion: FeatureCatalog.version, asOf: asOf))
            #expect(after == before)

            // The home team's last known game with other statistics does change them.
            let known = try await store.featureSources.finishedGames(sport: "nhl", asOf: asOf)
            let last = try #require(known.last { $0.homeTeamID == game.homeTeamID || $0.awayTeamID == game.homeTeamID })
            _ = try await store.query(
                """
                UPDATE team_game_stats SET stats = jsonb_set(stats, '{shotsTotal}', '99')
                WHERE game_id = \(last.id!) AND team_id = \(game.homeTeamID)
                """)
            _ = try await featurizer.run(sport: "nhl", parameters, logger: CollectTestSupport.logger)
            let changed = try #require(try await store.gameFeatures.featureSet(gameID: gameID, featureSetVersion: FeatureCatalog.version, asOf: asOf))
            #expect(changed.features["adv_shots_home_last10"]! > before.features["adv_shots_home_last10"]!)
            #expect(changed.features["adv_shots_away_last10"] == before.features["adv_shots_away_last10"])
        }
        await store.shutdown()
    }
}
