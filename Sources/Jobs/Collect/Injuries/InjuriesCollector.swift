import Foundation
import Logging
import Store

/// `collect.injuries`: ESPN's league injury list → raw (hashed, once) → validate → `injuries`, each report
/// stamped with when the platform first saw it (the time it was knowable here).
public struct InjuriesCollector: Sendable {
    private let client: ESPNClient
    private let store: Store
    private let now: @Sendable () -> Date

    /// A collector writing to `store`.
    public init(client: ESPNClient, store: Store, now: @escaping @Sendable () -> Date) {
        self.client = client
        self.store = store
        self.now = now
    }

    /// Runs the job with id `jobID`; a redelivered id writes nothing.
    public func collect(_ parameters: CollectInjuries, jobID: String, logger: Logger) async throws -> InjuriesCollection {
        let sport = try CollectedSport.required(parameters.sport, source: ESPNClient.source)
        let response = try await client.injuries(path: sport.espnPath, now: now())
        let list = try await RawIngestion.reading(response, isBackfill: false, jobID: jobID, in: store, logger: logger) {
            let list = try PayloadDecoder.decode(ESPNInjuries.self, from: response)
            try Self.validate(list, response: response)
            return list
        }
        let reports = list.injuries.reduce(0) { $0 + $1.injuries.count }
        let read = InjuriesCollection(applied: true, payloadWasNew: false, reports: reports, reportsWritten: 0, unknownTeams: [])
        let outcome = try await store.withJobEffect(jobID: jobID) { tx in
            var result = read
            guard try await RawIngestion.store(response, isBackfill: false, jobID: jobID, in: tx) else { return result }
            result.payloadWasNew = true
            for team in list.injuries {
                let teamID = try await tx.teams.find(sport: sport.code, externalID: team.id)?.id
                if teamID == nil { result.unknownTeams.append(team.displayName ?? team.id) }
                for injury in team.injuries {
                    let report = InjuryReport(
                        sport: sport.code, teamID: teamID, sourceTeamID: team.id, source: ESPNClient.source, injuryID: injury.id,
                        athleteName: injury.athlete.displayName, position: injury.athlete.position?.abbreviation, status: injury.status,
                        injuryType: injury.details?.type, returnDate: injury.details?.returnDate.flatMap(Self.day),
                        reportedAt: injury.date, firstSeenAt: response.fetchedAt, lastSeenAt: response.fetchedAt)
                    if try await tx.injuries.record(report) { result.reportsWritten += 1 }
                }
            }
            return result
        }
        let result = outcome.collection(read: read)
        if !result.unknownTeams.isEmpty {
            logger.warning("injury lists of teams not stored yet", metadata: ["teams": "\(result.unknownTeams.prefix(10))"])
        }
        return result
    }

    /// What the types cannot check: ids present, each entry once.
    private static func validate(_ list: ESPNInjuries, response: UpstreamResponse) throws {
        var seen: Set<String> = []
        for (index, team) in list.injuries.enumerated() {
            for injury in team.injuries {
                guard !injury.id.isEmpty, !team.id.isEmpty, seen.insert(injury.id).inserted else {
                    throw CollectorError(
                        .invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status,
                        message: ".injuries[\(index)]: entry \"\(injury.id)\" of team \"\(team.id)\" is empty or repeated")
                }
            }
        }
    }

    /// `YYYY-MM-DD` as UTC midnight; `nil` for anything else (ESPN sometimes sends prose).
    private static func day(_ text: String) -> Date? {
        UpstreamTime.local(text + "T00:00", utcOffsetSeconds: 0)
    }
}
