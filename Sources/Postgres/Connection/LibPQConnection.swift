import CLibPQ
import Foundation

/// The one owner of a `PGconn*`: blocking libpq calls, results copied into Swift values, `PQfinish` in `deinit`.
///
/// Not `Sendable`: it lives inside a `PostgresConnection` actor and is only used on that actor's
/// `ConnectionExecutor`, so the blocking calls below never run on the cooperative pool.
final class LibPQConnection {
    private let connection: OpaquePointer
    /// Cancels this connection's running statement from another thread.
    let canceller: QueryCanceller

    /// Connects with a conninfo string or a `postgres://` / `postgresql://` URL (libpq parses it, `sslmode` included).
    init(conninfo: String) throws {
        guard let connection = PQconnectdb(conninfo) else {
            throw StoreError(.connectionFailed, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw StoreError(.connectionFailed, message: message)
        }
        guard let cancel = PQgetCancel(connection) else {
            PQfinish(connection)
            throw StoreError(.connectionFailed, message: "libpq could not allocate a cancel handle")
        }
        self.connection = connection
        canceller = QueryCanceller(cancel)
        guard PQsetClientEncoding(connection, "UTF8") == 0 else {
            throw StoreError(.connectionFailed, message: "cannot set client encoding UTF8: \(errorMessage)")
        }
    }

    deinit {
        PQfinish(connection)
    }

    /// Where the connection is after the last call: up (outside a transaction, inside one, inside an aborted one)
    /// or lost. `PostgresConnection` reports it to its state machine after every call.
    var status: PostgresConnectionStateMachine.ConnectionStatus {
        guard PQstatus(connection) == CONNECTION_OK else { return .lost }
        switch PQtransactionStatus(connection) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_INERROR: return .inFailedTransaction
        default: return .inTransaction
        }
    }

    /// Reads whatever the server sent while the connection sat idle, without blocking (libpq's socket is
    /// non-blocking underneath), and tells whether the connection is still up. A server that shut down or crashed
    /// has closed the socket, which this notices before a statement is sent into it.
    var isAlive: Bool {
        guard PQconsumeInput(connection) == 1 else { return false }
        // A server going down first sends the reason (FATAL 57P01 and the like); parsing it (libpq hands an error
        // that arrives while idle to the notice processor) lets the next read reach the end of the stream.
        _ = PQisBusy(connection)
        return PQconsumeInput(connection) == 1 && PQstatus(connection) == CONNECTION_OK
    }

    /// The server's version number (`150018` for 15.18).
    var serverVersion: Int { Int(PQserverVersion(connection)) }

    /// Runs one statement with parameters (`PQexecParams`).
    func execute(_ sql: String, binds: [PostgresBind]) throws -> PostgresResult {
        try canceller.throwIfCancelled(statement: sql)
        let result = try Self.withParameters(binds, statement: sql) { count, values, lengths, formats in
            canceller.running { PQexecParams(connection, sql, count, nil, values, lengths, formats, 0) }
        }
        return try take(result, statement: sql)
    }

    /// Prepares `sql` under `name` on this connection (`PQprepare`).
    func prepare(name: String, sql: String) throws {
        _ = try take(PQprepare(connection, name, sql, 0, nil), statement: sql)
    }

    /// Runs a statement prepared under `name` (`PQexecPrepared`); `sql` is only used in errors.
    func executePrepared(name: String, sql: String, binds: [PostgresBind]) throws -> PostgresResult {
        try canceller.throwIfCancelled(statement: sql)
        let result = try Self.withParameters(binds, statement: sql) { count, values, lengths, formats in
            canceller.running { PQexecPrepared(connection, name, count, values, lengths, formats, 0) }
        }
        return try take(result, statement: sql)
    }

    /// Runs parameterless SQL that may hold several statements (`PQexec`): trusted, static SQL only.
    func executeScript(_ sql: String) throws {
        guard PQsendQuery(connection, sql) == 1 else {
            throw failure(statement: sql)
        }
        _ = try drainResults(statement: sql)
    }

    /// Runs `statement`, a `COPY … FROM STDIN`, and checks that the server now waits for data.
    func startCopyIn(statement: String) throws {
        guard let start = PQexec(connection, statement) else { throw failure(statement: statement) }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try take(start, statement: statement)
            throw StoreError(.copyFailed, message: "statement did not start COPY FROM STDIN", statement: statement)
        }
        PQclear(start)
    }

    /// Sends `data` (COPY text format) in chunks of 1 MiB; returns libpq's message if sending failed.
    func sendCopyData(_ data: [UInt8]) -> String? {
        let chunkSize = 1 << 20
        var sendError: String?
        data.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var offset = 0
                while offset < chars.count {
                    let length = min(chunkSize, chars.count - offset)
                    if PQputCopyData(connection, chars.baseAddress! + offset, Int32(length)) != 1 {
                        sendError = errorMessage
                        return
                    }
                    offset += length
                }
            }
        }
        return sendError
    }

    /// Ends the COPY (aborting it with `abort` when set) and reads its results; returns the rows copied.
    ///
    /// Throws the server's error first, then `sendError` (from `sendCopyData`) as `copyFailed`.
    func endCopyIn(statement: String, abort: String?, sendError: String?) throws -> Int {
        var sendError = sendError
        if PQputCopyEnd(connection, abort) != 1 {
            sendError = sendError ?? errorMessage
        }
        let copied = try drainResults(statement: statement)
        if let sendError { throw StoreError(.copyFailed, message: sendError, statement: statement) }
        return copied
    }

    /// Reads every result of the statement in flight, so the connection is free for the next one even after an
    /// error; throws the first error among them, else returns the rows they affected together.
    private func drainResults(statement: String) throws -> Int {
        var affected = 0
        var firstError: StoreError?
        while let result = canceller.running({ PQgetResult(connection) }) {
            do {
                affected += try take(result, statement: statement).affectedRows
            } catch let error as StoreError {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return affected
    }

    private var errorMessage: String { Self.trimmed(PQerrorMessage(connection)) }

    /// The error for a call that returned no result: the connection broke or libpq refused the call.
    private func failure(statement: String) -> StoreError {
        let code: StoreError.Code = PQstatus(connection) == CONNECTION_OK ? .server : .connectionClosed
        return StoreError(code, message: errorMessage, statement: statement)
    }

    /// Copies a result into Swift values and frees it, or turns an error result into a `StoreError`.
    private func take(_ result: OpaquePointer?, statement: String) throws -> PostgresResult {
        guard let result else { throw failure(statement: statement) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return Self.copyRows(of: result)
        default:
            let field = { (code: UInt8) -> String? in
                PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
            }
            guard let sqlState = field(UInt8(ascii: "C")) else {
                // libpq reports a lost connection as an error result without SQLSTATE.
                let code: StoreError.Code = PQstatus(connection) == CONNECTION_OK ? .server : .connectionClosed
                throw StoreError(code, message: Self.trimmed(PQresultErrorMessage(result)), statement: statement)
            }
            throw StoreError(
                .server, sqlState: sqlState,
                message: field(UInt8(ascii: "M")) ?? Self.trimmed(PQresultErrorMessage(result)),
                detail: field(UInt8(ascii: "D")), hint: field(UInt8(ascii: "H")), statement: statement
            )
        }
    }

    private static func copyRows(of result: OpaquePointer) -> PostgresResult {
        let rowCount = Int(PQntuples(result))
        let fieldCount = Int(PQnfields(result))
        let columns = PostgresColumns(names: (0..<fieldCount).map { String(cString: PQfname(result, Int32($0))) })
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            var values: [String?] = []
            values.reserveCapacity(fieldCount)
            for field in 0..<Int32(fieldCount) {
                if PQgetisnull(result, row, field) == 1 {
                    values.append(nil)
                } else {
                    let bytes = UnsafeRawBufferPointer(
                        start: PQgetvalue(result, row, field), count: Int(PQgetlength(result, row, field)))
                    values.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            rows.append(PostgresRow(columns: columns, values: values))
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? rowCount
        return PostgresResult(rows: rows, affectedRows: affected)
    }

    /// Lays the parameters out in one buffer and hands libpq the pointers, lengths and formats.
    ///
    /// Text values are NUL-terminated C strings, so a NUL inside one would silently cut it short:
    /// it is refused here with a clear error instead.
    private static func withParameters<R>(
        _ binds: [PostgresBind], statement: String,
        _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> R
    ) throws -> R {
        var storage: [UInt8] = []
        var offsets: [Int?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        offsets.reserveCapacity(binds.count)
        for (index, bind) in binds.enumerated() {
            switch bind {
            case .null:
                offsets.append(nil)
                lengths.append(0)
                formats.append(0)
            case .text(let text):
                let start = storage.count
                storage.append(contentsOf: text.utf8)
                if storage[start...].contains(0) {
                    throw StoreError(
                        .invalidInput,
                        message: "parameter $\(index + 1) contains a NUL byte, which PostgreSQL text cannot store",
                        statement: statement)
                }
                storage.append(0)
                offsets.append(start)
                lengths.append(0)
                formats.append(0)
            case .bytes(let bytes):
                guard bytes.count < Int(Int32.max) else {
                    throw StoreError(.invalidInput, message: "parameter $\(index + 1) is larger than 2 GiB", statement: statement)
                }
                offsets.append(storage.count)
                storage.append(contentsOf: bytes)
                storage.append(0)
                lengths.append(Int32(bytes.count))
                formats.append(1)
            }
        }
        storage.append(0)
        return storage.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let base = chars.baseAddress!
                let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in offset.map { base + $0 } }
                return pointers.withUnsafeBufferPointer { values in
                    lengths.withUnsafeBufferPointer { lengths in
                        formats.withUnsafeBufferPointer { formats in
                            body(Int32(binds.count), values.baseAddress, lengths.baseAddress, formats.baseAddress)
                        }
                    }
                }
            }
        }
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown libpq error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
