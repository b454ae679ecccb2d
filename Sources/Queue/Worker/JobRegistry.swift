import Foundation
import Synchronization

/// The job types a process knows: how to validate their payloads and, for workers, how to run them.
public final class JobRegistry: Sendable {
    struct Entry: Sendable {
        let validate: @Sendable (String) throws -> Void
        let run: (@Sendable (String, JobContext) async throws -> String)?
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// Registers a handler whose result is stored (as JSON) with the succeeded job.
    public func register<P: JobParameters, R: Encodable & Sendable>(
        _ type: P.Type, handler: @escaping @Sendable (P, JobContext) async throws -> R
    ) {
        add(type) { parameters, context in
            String(decoding: try JSONEncoder.sortedKeys.encode(try await handler(parameters, context)), as: UTF8.self)
        }
    }

    /// Registers a handler without a result.
    public func register<P: JobParameters>(_ type: P.Type, handler: @escaping @Sendable (P, JobContext) async throws -> Void) {
        // The stored result is the empty object, written as text: JSONEncoder spent 4 % of a worker's CPU on it for
        // no-op jobs in bench/queue.sh.
        add(type) { parameters, context in
            try await handler(parameters, context)
            return "{}"
        }
    }

    /// Registers `run`, which returns the stored result's JSON text, for payloads that decode and validate as `P`.
    private func add<P: JobParameters>(_ type: P.Type, run: @escaping @Sendable (P, JobContext) async throws -> String) {
        let entry = Entry(validate: { _ = try Self.decode(P.self, $0) }) { payload, context in
            try await run(try Self.decode(P.self, payload), context)
        }
        entries.withLock { $0[P.jobType] = entry }
    }

    /// Makes a type known for validation only (a process that submits jobs but does not run them).
    public func declare<P: JobParameters>(_ type: P.Type) {
        entries.withLock { entries in
            if entries[P.jobType] == nil { entries[P.jobType] = Entry(validate: { _ = try Self.decode(P.self, $0) }, run: nil) }
        }
    }

    /// The registered job types.
    public var types: [String] { entries.withLock { $0.keys.sorted() } }

    /// Refuses an unknown type or a payload that does not decode and validate as that type.
    public func validate(type: String, payload: String) throws {
        try validator(for: type)(payload)
    }

    /// How to validate payloads of `type`; throws for an unknown type.
    func validator(for type: String) throws -> @Sendable (String) throws -> Void {
        guard let entry = entries.withLock({ $0[type] }) else {
            throw QueueError(.invalidRequest, "unknown job type \"\(type.prefix(80))\"; known types: \(types.joined(separator: ", "))")
        }
        return entry.validate
    }

    func handler(for type: String) -> (@Sendable (String, JobContext) async throws -> String)? {
        entries.withLock { $0[type]?.run }
    }

    private static func decode<P: JobParameters>(_ type: P.Type, _ payload: String) throws -> P {
        let parameters: P
        do {
            parameters = try JSONDecoder().decode(P.self, from: Data(payload.utf8))
        } catch let error as DecodingError {
            throw QueueError(.invalidRequest, "payload of \(P.jobType) is invalid: \(describe(error))")
        }
        try parameters.validate()
        return parameters
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "the payload" : joined
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)) is missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let context): return "\(path(context)) should be \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)) should be \(type), not null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
