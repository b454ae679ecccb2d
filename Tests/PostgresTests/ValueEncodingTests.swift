import Essentials
import Foundation
import Testing

@testable import Postgres

@Suite struct ValueEncodingTests {
    @Test(arguments: [
        Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1.5), Date(timeIntervalSince1970: 1_772_323_200.000001),
        Date.distantPast, Date.distantFuture, Date(timeIntervalSince1970: 300_000_000_000),
    ])
    func timestampsRoundTripThroughText(date: Date) throws {
        let text = PostgresTimestamp.format(date)
        let parsed = try #require(PostgresTimestamp.parse(text))
        #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.000_001, "\(text)")
    }

    @Test func parsesServerOutputForms() {
        #expect(PostgresTimestamp.parse("2026-03-01") == Date(timeIntervalSince1970: 1_772_323_200))
        #expect(PostgresTimestamp.parse("2026-03-01 01:00:00+01") == Date(timeIntervalSince1970: 1_772_323_200))
        #expect(PostgresTimestamp.parse("2026-03-01T00:00:00.5Z") == Date(timeIntervalSince1970: 1_772_323_200.5))
        #expect(PostgresTimestamp.parse("2026-03-01 05:30:00+05:30") == Date(timeIntervalSince1970: 1_772_323_200))
        #expect(PostgresTimestamp.parse("not a date") == nil)
        #expect(PostgresTimestamp.parse("2026-13-01") == nil)
    }

    @Test func arrayLiteralsQuoteAndParse() throws {
        let values: [String?] = ["a", "b,c", "q\"uote", "back\\slash", "NULL", nil, "", "{braces}"]
        guard case .text(let literal) = values.postgresBind else {
            Issue.record("arrays encode as text")
            return
        }
        #expect(try [String?].decode(postgresText: literal) == values)
        #expect(try [Int].decode(postgresText: "{1,-2,3}") == [1, -2, 3])
        #expect(try [Int].decode(postgresText: "{}") == [])
        #expect(throws: (any Error).self) { try [Int].decode(postgresText: "{{1,2},{3,4}}") }
    }

    @Test func interpolationMakesParametersNotSQL() {
        let hostile = "'; DROP TABLE games; --"
        let query: PostgresQuery = "SELECT * FROM \(identifier: "we\"ird") WHERE name = \(hostile) AND n = \(Int?.none)"
        #expect(query.sql == "SELECT * FROM \"we\"\"ird\" WHERE name = $1 AND n = $2")
        #expect(query.binds == [.text(hostile), .null])
    }
}
