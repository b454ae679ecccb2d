import Foundation
import Store
import Testing

@testable import Jobs

/// When publications fall due: at open, then at the game-day hour in US Eastern time.
@Suite struct PublicationPolicyTests {
    /// 2026-03-02T00:00:00Z: 19:00 EST on 2026-03-01.
    static let evening = Date(timeIntervalSince1970: 1_772_409_600)

    @Test func openFirstThenTheGameDayHourEastern() {
        let policy = PublicationPolicy.standard
        // 10:00 EST is 15:00 UTC.
        let tenEastern = Date(timeIntervalSince1970: 1_772_377_200)
        #expect(policy.gameDayPublication(gameStart: Self.evening) == tenEastern)
        let dayBefore = Self.evening.addingTimeInterval(-30 * 3_600)
        #expect(policy.due(at: dayBefore, gameStart: Self.evening, published: []) == .open)
        #expect(policy.due(at: dayBefore, gameStart: Self.evening, published: [.open]) == nil)
        #expect(policy.due(at: tenEastern.addingTimeInterval(-1), gameStart: Self.evening, published: [.open]) == nil)
        #expect(policy.due(at: tenEastern, gameStart: Self.evening, published: [.open]) == .gameDay)
        #expect(policy.due(at: tenEastern, gameStart: Self.evening, published: [.open, .gameDay]) == nil)
        // A market first priced after the hour is published at open; game day waits for the next run.
        #expect(policy.due(at: tenEastern.addingTimeInterval(600), gameStart: Self.evening, published: []) == .open)
        // Nothing once the game has started.
        #expect(policy.due(at: Self.evening, gameStart: Self.evening, published: []) == nil)
    }

    @Test func theHourIsConfigurableAndAnEarlyGameStillGetsItsGameDayPublication() {
        var policy = PublicationPolicy.standard
        policy.gameDayHour = 12
        #expect(policy.gameDayPublication(gameStart: Self.evening) == Date(timeIntervalSince1970: 1_772_384_400))  // 17:00 UTC
        // In summer Eastern time is UTC−4: 2026-07-04T23:00:00Z is 19:00 EDT, its 10:00 is 14:00 UTC.
        let july = Date(timeIntervalSince1970: 1_783_206_000)
        #expect(PublicationPolicy.standard.gameDayPublication(gameStart: july) == july.addingTimeInterval(-9 * 3_600))
        // A 09:30 Eastern kickoff (14:30 UTC in winter): due two hours before, at 07:30 Eastern.
        let early = Date(timeIntervalSince1970: 1_772_375_400)
        #expect(PublicationPolicy.standard.gameDayPublication(gameStart: early) == early.addingTimeInterval(-7_200))
    }
}
