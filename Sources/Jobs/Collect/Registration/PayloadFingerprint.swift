import Essentials
import Foundation
import Postgres
import Store

/// The hash raw payloads are deduplicated by: SHA-256 of the payload's content without the fields that change
/// on every fetch of the same data, so re-collecting unchanged data writes nothing new. The bytes stored
/// stay exactly as fetched.
///
/// Volatile fields, all at the top level of a JSON object:
/// - Open-Meteo, forecast and archive: `generationtime_ms`, the server's time to build the answer.
/// - The Odds API historical snapshots: `previous_timestamp` and `next_timestamp`, links to the neighbouring
///   snapshots; `next_timestamp` is null for the newest snapshot and filled once a newer one exists, so
///   the same snapshot fetched twice differs there. `timestamp` identifies the snapshot and is kept.
/// - OpenWeatherMap: `message`, an internal field that older responses filled with a server timing.
/// - ESPN: `timestamp`, when the injuries list was generated (the scoreboard has no such field).
///
/// Deliberately kept: The Odds API's `last_update` (bookmaker, market, score): it is when a price or score was
/// last seen, stored as the odds' `recorded_at` and read by the freshness check, so a payload whose
/// `last_update` moved is news. Savant's CSV has no known volatile field and is hashed as fetched, as is any
/// payload that is not a JSON object (an invalid one is kept byte for byte).
///
/// Volatile fields are dropped and the rest hashed in its canonical form (`JSONSyntax.canonicalObject`: no whitespace,
/// sorted keys, one spelling of each string and number), so neither layout nor key order counts. The form is the
/// platform's own, not what Foundation happens to write: re-serializing through `JSONSerialization` cost about half
/// of a history backfill's CPU, and its number formatting differs between Foundation versions.
enum PayloadFingerprint {
    /// Top-level fields ignored per source.
    static let volatileFields: [String: Set<String>] = [
        OpenMeteoClient.source: ["generationtime_ms"],
        OpenMeteoClient.archiveSource: ["generationtime_ms"],
        OddsAPIClient.source: ["previous_timestamp", "next_timestamp"],
        OpenWeatherMapClient.source: ["message"],
        ESPNClient.source: ["timestamp"],
    ]

    /// The lowercase hex SHA-256 that identifies `body`'s content from `source`.
    static func sha256(of body: Data, source: String) -> String {
        guard let volatile = volatileFields[source],
            let canonical = body.withUnsafeBytes({ JSONSyntax.canonicalObject($0.bindMemory(to: UInt8.self), leavingOut: volatile) })
        else { return Digest.sha256.hex(body) }
        return Digest.sha256.hex(canonical)
    }
}
