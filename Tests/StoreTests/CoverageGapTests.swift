import Foundation
import Postgres
import Store
import Testing

/// Finding the date ranges to backfill: `CoverageGap.find` on day counts, and `dailyCoverage` on a real PostgreSQL.
@Suite struct CoverageGapTests {
    static func day(_ n: Int) -> String { String(format: "2026-03-%02d", n) }

    @Test func quietRunsLongerThanTheSportRestsAreGapsButNotBeforeTheFirstOrAfterTheLastGame() {
        // Games on the 3rd…5th, a 2-day rest, games, a 4-day hole, games, then nothing to the 20th.
        let played: Set<Int> = [3, 4, 5, 8, 9, 14, 15]
        let coverage = (1...20).map { DailyCoverage(day: Self.day($0), games: played.contains($0) ? 5 : 0) }
        #expect(
            CoverageGap.find(in: coverage, quietDays: 3)
                == [CoverageGap(kind: .noGames, from: Self.day(10), to: Self.day(13), days: 4, games: 0)])
        #expect(CoverageGap.find(in: coverage, quietDays: 4).isEmpty)
        // Nothing stored at all: the whole range.
        #expect(
            CoverageGap.find(in: (1...5).map { DailyCoverage(day: Self.day($0), games: 0) }, quietDays: 3)
                == [CoverageGap(kind: .noGames, from: Self.day(1), to: Self.day(5), days: 5, games: 0)])
        #expect(CoverageGap.find(in: [], quietDays: 3).isEmpty)
    }

    @Test func missingOddsAndResultsRunAcrossGamelessDaysAndEndAtACompleteDay() {
        let coverage = [
            DailyCoverage(day: Self.day(1), games: 4, withoutOdds: 4),
            DailyCoverage(day: Self.day(2), games: 0),
            DailyCoverage(day: Self.day(3), games: 5, withoutOdds: 1, withoutResult: 2),
            DailyCoverage(day: Self.day(4), games: 5),
            DailyCoverage(day: Self.day(5), games: 3, withoutOdds: 3),
        ]
        #expect(
            CoverageGap.find(in: coverage, quietDays: 3) == [
                CoverageGap(kind: .missingOdds, from: Self.day(1), to: Self.day(3), days: 3, games: 5),
                CoverageGap(kind: .missingResults, from: Self.day(3), to: Self.day(3), days: 1, games: 2),
                CoverageGap(kind: .missingOdds, from: Self.day(5), to: Self.day(5), days: 1, games: 3),
            ])
        #expect(CoverageGap.Kind.missingOdds.sources == ["odds"] && CoverageGap.Kind.noGames.sources == ["games", "odds"])
    }

    @Test func dailyCoverageCountsEachEasternDaysGamesPricesAndResults() async throws {
        let store = try await Fixtures.store()
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "h", name: "Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "a", name: "Away"))
        // 2026-03-02 23:30 Eastern is 03-03 04:30 UTC: the 2nd's game by the Eastern day.
        let late = Date(timeIntervalSince1970: 1_772_512_200)
        let priced = try await store.games.upsert(
            Game(sport: "nba", externalID: "g1", homeTeamID: home, awayTeamID: away, scheduledAt: late, status: .final, homeScore: 1, awayScore: 0))
        try await store.odds.insert(
            OddsSnapshot(gameID: priced, sport: "nba", bookmaker: "b", market: "h2h", outcome: "home", price: 1.9, recordedAt: late.addingTimeInterval(-3_600)))
        // The 4th: one game never priced and never resolved; one postponed.
        let fourth = late.addingTimeInterval(2 * 86_400 - 6 * 3_600)
        _ = try await store.games.upsert(Game(sport: "nba", externalID: "g2", homeTeamID: home, awayTeamID: away, scheduledAt: fourth))
        _ = try await store.games.upsert(
            Game(sport: "nba", externalID: "g3", homeTeamID: home, awayTeamID: away, scheduledAt: fourth, status: .postponed))

        let coverage = try await store.games.dailyCoverage(
            sport: "nba", from: "2026-03-01", to: "2026-03-05", asOf: fourth.addingTimeInterval(7 * 3_600))
        #expect(
            coverage == [
                DailyCoverage(day: "2026-03-01", games: 0),
                DailyCoverage(day: "2026-03-02", games: 1),
                DailyCoverage(day: "2026-03-03", games: 0),
                DailyCoverage(day: "2026-03-04", games: 2, withoutOdds: 2, withoutResult: 1),
                DailyCoverage(day: "2026-03-05", games: 0),
            ])
        // Six hours after the start is too soon to call a result missing.
        let early = try await store.games.dailyCoverage(sport: "nba", from: "2026-03-04", to: "2026-03-04", asOf: fourth.addingTimeInterval(5 * 3_600))
        #expect(early == [DailyCoverage(day: "2026-03-04", games: 2, withoutOdds: 2)])
        #expect(try await store.games.sports() == ["nba"])
        await store.shutdown()
    }
}
