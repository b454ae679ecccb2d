import API
import Essentials
import Foundation
import HTTPTypes
import Store
import Testing

/// `GET /api/v1/admin/predictions/export` over real HTTP on a real PostgreSQL: the CSV's content, quoting and type.
struct AdminExportEndpointTests {
    @Test func exportsFilteredSortedPredictionsAsQuotedCSV() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let ids = try await PredictionEndpointTests.seed(harness.store)
        // A selection with a comma, quotes and a leading "=" must survive as one field and not run as a formula.
        let source = try #require(try await harness.store.predictions.find(id: ids[0]))
        var tricky = source
        tricky.id = nil
        tricky.betType = .playerProp
        tricky.selection = #"=Smith, "Jr" over 1.5"#
        tricky.publication = .gameDay
        tricky.publishedAt = nil
        let trickyID = try #require(try await harness.store.predictions.insertHashed(tricky))

        try await harness.run(as: admin) { client, token in
            let all = try await client.get("/api/v1/admin/predictions/export", token: token)
            #expect(all.status == .ok, "\(all.text)")
            #expect(all.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(all.headers[.init("Content-Disposition")!]?.contains("predictions.csv") == true)
            #expect(all.headers[.init("X-Total-Count")!] == "5")
            #expect(all.headers[.init("AIPS-Market")!] == "live")
            #expect(all.text.hasSuffix("\r\n"))
            let records = try CSVReader.records(Array(all.text.utf8))
            let header = try #require(records.first?.fields)
            #expect(header.first == "id" && header.contains("prediction_hash") && header.contains("game_scheduled_at"))
            let rows = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
            #expect(rows.count == 5)
            #expect(rows.allSatisfy { $0.count == header.count })
            let row = try #require(rows.first { $0["id"] == String(trickyID) })
            #expect(row["selection"] == #"'=Smith, "Jr" over 1.5"#)
            #expect(row["bet_type"] == "player_prop")
            #expect(row["published_at"] == "")
            #expect(all.text.contains(#""'=Smith, ""Jr"" over 1.5""#), "quoted, quotes doubled")
            let stored = try #require(try await harness.store.predictions.find(id: ids[1]))
            let other = try #require(rows.first { $0["id"] == String(ids[1]) })
            #expect(other["prediction_hash"] == stored.predictionHash)
            #expect(Double(other["edge"] ?? "") == stored.edge)
            #expect(other["component_probabilities"] == #"{"gbm":0.57,"glm":0.55}"#)

            let nfl = try await client.get("/api/v1/admin/predictions/export?sport=nfl&sort=edge&order=asc", token: token)
            let nflRows = try CSVReader.records(Array(nfl.text.utf8)).dropFirst()
            #expect(nflRows.count == 2)
            let edges = nflRows.compactMap { Double($0.fields[header.firstIndex(of: "edge")!]) }
            #expect(edges == edges.sorted() && edges.count == 2)
            #expect(nfl.headers[.init("X-Total-Count")!] == "2")

            let badSort = try await client.get("/api/v1/admin/predictions/export?sort=password_hash", token: token)
            #expect(badSort.status == .badRequest)
            #expect(badSort.errorCode == "VALIDATION_FAILED")
            #expect(badSort.headers[.contentType]?.hasPrefix("application/json") == true)
            let badDate = try await client.get("/api/v1/admin/predictions/export?date=yesterday", token: token)
            #expect(badDate.status == .badRequest)
        }
    }
}
