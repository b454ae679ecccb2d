import Foundation
@testable import Postgres
import TestSupport
import Testing

@Suite struct ConnectionTests {
    @Test func roundTripsTypedValues() async throws {
        let database = try await TestDatabase.create()
        let pool = database.pool()
        let id = UUID()
        let date = Date(timeIntervalSince1970: 1_764_000_000.123456)
        let bytes = Data([0, 1, 2, 0xfe, 0xff])
        let row = try #require(
            try await pool.query(
                """
                SELECT \(42)::bigint AS i, \(3.25)::float8 AS d, \("héllo 'quoted' \\ \"x\"")::text AS s, \(true)::bool AS b,
                       \(date)::timestamptz AS t, \(id)::uuid AS u, \(bytes)::bytea AS y, \(Int?.none)::int AS n,
                       \(["a", "b,c", "d\"e", "NULL"])::text[] AS a, \([1, 2, 3])::int[] AS ia,
                       \(PostgresJSON(["k": 1]))::jsonb AS j, '2026-03-01'::date AS day
                """
            ).first)
        #expect(try row.decode(Int.self, "i") == 42)
        #expect(try row.decode(Double.self, "d") == 3.25)
        #expect(try row.decode(String.self, "s") == "héllo 'quoted' \\ \"x\"")
        #expect(try row.decode(Bool.self, "b"))
        #expect(try row.decode(Date.self, "t") == date)
        #expect(try row.decode(UUID.self, "u") == id)
        #expect(try row.decode(Data.self, "y") == bytes)
        #expect(try row.decode(Int?.self, "n") == nil)
        #expect(try row.decode([String].self, "a") == ["a", "b,c", "d\"e", "NULL"])
        #expect(try row.decode([Int].self, "ia") == [1, 2, 3])
        #expect(try row.decode(PostgresJSON<[String: Int]>.self, "j").value == ["k": 1])
        #expect(try row.decode(Date.self, "day") == Date(timeIntervalSince1970: 1_772_323_200))
        await pool.shutdown()
    }

    @Test func nullIntoNonOptionalIsADecodingError() async throws {
        let connection = try await PostgresConnection.connect(to: TestDatabase.create().url)
        let row = try #require(try await connection.query("SELECT NULL::int AS n").first)
        #expect { try row.decode(Int.self, "n") } throws: { ($0 as? StoreError)?.code == .decoding }
    }

    @Test func serverErrorCarriesSQLStateAndStatement() async throws {
        let connection = try await PostgresConnection.connect(to: TestDatabase.create().url)
        let error = try await #require(throws: StoreError.self) {
            try await connection.query("SELECT * FROM no_such_table WHERE id = \(1)")
        }
        #expect(error.code == .server)
        #expect(error.sqlState == "42P01")
        #expect(error.statement == "SELECT * FROM no_such_table WHERE id = $1")
        #expect(error.message.contains("no_such_table"))
    }

    @Test func badURLFailsToConnect() async throws {
        let error = try await #require(throws: StoreError.self) {
            try await PostgresConnection.connect(to: "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
        }
        #expect(error.code == .connectionFailed)
    }

    @Test func sslmodeFromTheURLIsHonoured() async throws {
        // The test server has no TLS: sslmode=require must fail, and say why.
        let url = TestServers.databaseURL.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require")
        let error = try await #require(throws: StoreError.self) { try await PostgresConnection.connect(to: url) }
        #expect(error.code == .connectionFailed)
        #expect(error.message.contains("SSL"))
        let plain = try await PostgresConnection.connect(
            to: TestServers.databaseURL.replacingOccurrences(of: "postgres://", with: "postgresql://"))
        #expect(try await plain.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.decode(Bool.self, "ssl") == false)
        await plain.close()
    }

    @Test func transactionRollsBackWhenBodyThrows() async throws {
        struct Abort: Error {}
        let pool = try await TestDatabase.create().pool()
        _ = try await pool.query("CREATE TABLE t (v int)")
        await #expect(throws: Abort.self) {
            try await pool.withTransaction { connection in
                _ = try await connection.query("INSERT INTO t VALUES (\(1))")
                throw Abort()
            }
        }
        try await pool.withTransaction { connection in
            _ = try await connection.query("INSERT INTO t VALUES (\(2))")
        }
        let values = try await pool.query("SELECT v FROM t").map { try $0.decode(Int.self, "v") }
        #expect(values == [2])
        await pool.shutdown()
    }

    @Test func swallowedErrorInTransactionIsNotCommitted() async throws {
        let pool = try await TestDatabase.create().pool()
        _ = try await pool.query("CREATE TABLE t (v int PRIMARY KEY)")
        await #expect(throws: StoreError.self) {
            try await pool.withTransaction { connection in
                _ = try await connection.query("INSERT INTO t VALUES (\(1))")
                _ = try? await connection.query("INSERT INTO t VALUES (\(1))")
            }
        }
        #expect(try await pool.query("SELECT count(*) AS n FROM t").first?.decode(Int.self, "n") == 0)
        await pool.shutdown()
    }

    @Test func preparedStatementIsReusedAcrossCalls() async throws {
        let pool = try await TestDatabase.create().pool(maximumConnections: 1)
        let statement = PreparedStatement(name: "add_one", sql: "SELECT $1::int + 1 AS v")
        for value in 0..<5 {
            let row = try #require(try await pool.execute(statement, value).first)
            #expect(try row.decode(Int.self, "v") == value + 1)
        }
        await pool.shutdown()
    }

    @Test func preparedStatementSurvivesASchemaChange() async throws {
        let pool = try await TestDatabase.create().pool(maximumConnections: 1)
        _ = try await pool.query("CREATE TABLE t (a int)")
        _ = try await pool.query("INSERT INTO t VALUES (\(1))")
        let statement = PreparedStatement(name: "t_all", sql: "SELECT * FROM t")
        #expect(try await pool.execute(statement).first?.values.count == 1)
        _ = try await pool.query("ALTER TABLE t ADD COLUMN b int")
        #expect(try await pool.execute(statement).first?.values.count == 2)
        await pool.shutdown()
    }

    @Test func poolReplacesAConnectionTheServerKilled() async throws {
        let database = try await TestDatabase.create()
        let pool = database.pool(maximumConnections: 1)
        let pid = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first).decode(Int.self, "pid")
        let admin = try await PostgresConnection.connect(to: database.url)
        _ = try await admin.query("SELECT pg_terminate_backend(\(pid))")
        await admin.close()
        // The pool checks an idle connection before lending it, so the next query usually runs on a fresh one; a kill
        // that has not reached the client yet fails that one query, with a clear error.
        do {
            _ = try await pool.query("SELECT 1 AS one")
        } catch let error as StoreError {
            #expect(error.code == .connectionClosed || error.sqlState == "57P01")
        }
        let newPID = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first).decode(Int.self, "pid")
        #expect(newPID != pid)
        await pool.shutdown()
    }

    @Test func aConnectionKilledInsideATransactionFailsItAndRunsNothingMore() async throws {
        let database = try await TestDatabase.create()
        let admin = try await PostgresConnection.connect(to: database.url)
        _ = try await admin.query("CREATE TABLE t (v int)")
        let connection = try await PostgresConnection.connect(to: database.url)
        await #expect(throws: StoreError.self) {
            try await connection.withTransaction { connection in
                _ = try await connection.query("INSERT INTO t VALUES (\(1))")
                let pid = try #require(try await connection.query("SELECT pg_backend_pid() AS pid").first).decode(Int.self, "pid")
                _ = try await admin.query("SELECT pg_terminate_backend(\(pid))")
                // The server's FATAL 57P01, or the dropped socket: either way the statement fails, and is not retried.
                _ = try await connection.query("INSERT INTO t VALUES (\(2))")
            }
        }
        #expect(await !connection.isReusable)
        let later = try await #require(throws: StoreError.self) { try await connection.query("SELECT 1") }
        #expect(later.code == .connectionClosed)
        #expect(try await admin.query("SELECT count(*) AS n FROM t").first?.decode(Int.self, "n") == 0)
        await connection.close()
        await admin.close()
    }

    @Test func poolBoundsConnectionsAndServesWaiters() async throws {
        let pool = try await TestDatabase.create().pool(maximumConnections: 2)
        let pids = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    try await pool.withConnection { connection in
                        _ = try await connection.query("SELECT pg_sleep(0.05)")
                        return try #require(try await connection.query("SELECT pg_backend_pid() AS p").first).decode(Int.self, "p")
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(pids.count <= 2)
        await pool.shutdown()
        await #expect(throws: StoreError.self) { try await pool.query("SELECT 1") }
    }

    @Test func copyLoadsRowsWithEscapes() async throws {
        let pool = try await TestDatabase.create().pool()
        _ = try await pool.query("CREATE TABLE c (i int, s text, b bytea, n text)")
        var rows = PostgresCopyBuffer()
        rows.append(1)
        try rows.append("tab\there\nnewline \\ back")
        try rows.append(Data([0, 255]))
        try rows.append(String?.none)
        rows.endRow()
        rows.append(-20)
        try rows.append("plain")
        try rows.append(Data())
        try rows.append("x")
        rows.endRow()
        let copied = try await pool.copy(rows, using: "COPY c (i, s, b, n) FROM STDIN")
        #expect(copied == 2)
        let result = try await pool.query("SELECT i, s, b, n FROM c ORDER BY i DESC")
        #expect(try result.rows[0].decode(String.self, "s") == "tab\there\nnewline \\ back")
        #expect(try result.rows[0].decode(Data.self, "b") == Data([0, 255]))
        #expect(try result.rows[0].decode(String?.self, "n") == nil)
        #expect(try result.rows[1].decode(Int.self, "i") == -20)
        await pool.shutdown()
    }

    @Test func copyErrorFromServerIsReported() async throws {
        let pool = try await TestDatabase.create().pool()
        _ = try await pool.query("CREATE TABLE c (i int NOT NULL)")
        var rows = PostgresCopyBuffer()
        try rows.append("not a number")
        rows.endRow()
        let error = try await #require(throws: StoreError.self) {
            try await pool.copy(rows, using: "COPY c (i) FROM STDIN")
        }
        #expect(error.sqlState == "22P02")
        // The connection is usable afterwards.
        #expect(try await pool.query("SELECT count(*) AS n FROM c").first?.decode(Int.self, "n") == 0)
        await pool.shutdown()
    }
}

@Suite struct PoolCancellationTests {
    @Test func cancelledWaiterStopsWaitingAndThePoolStaysUsable() async throws {
        let pool = try await TestDatabase.create().pool(maximumConnections: 1)
        let (holding, release) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await pool.withConnection { _ in
                for await _ in holding { break }
            }
        }
        // Give the holder the only connection, then queue a waiter behind it and cancel the waiter.
        try await Task.sleep(for: .milliseconds(200))
        let waiter = Task { try await pool.query("SELECT 1 AS one") }
        try await Task.sleep(for: .milliseconds(100))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        release.yield()
        try await holder.value
        #expect(try await pool.query("SELECT 1 AS one").first?.decode(Int.self, "one") == 1)
        await pool.shutdown()
    }
}

@Suite struct ExecutorTests {
    @Test func cancellingTheTaskCancelsTheStatement() async throws {
        let pool = try await TestDatabase.create().pool(maximumConnections: 1)
        let clock = ContinuousClock()
        let started = clock.now
        let sleeper = Task { try await pool.query("SELECT pg_sleep(30)") }
        try await Task.sleep(for: .milliseconds(300))
        sleeper.cancel()
        let error = try await #require(throws: StoreError.self) { try await sleeper.value }
        #expect(error.sqlState == "57014")
        #expect(clock.now - started < .seconds(10))
        // The same (only) connection serves the next caller.
        #expect(try await pool.query("SELECT 2 AS two").first?.decode(Int.self, "two") == 2)
        await pool.shutdown()
    }

    /// Twelve connections each wait one second in the server at once. Were libpq blocking the cooperative
    /// pool's threads (as many as cores), they would take turns and need at least six seconds on two cores.
    /// (No check of another task's promptness: the whole suite shares the pool, so that measures the load.)
    @Test func blockingCallsDoNotHoldTheCooperativePool() async throws {
        let url = try await TestDatabase.create().url
        let connections = try await withThrowingTaskGroup(of: PostgresConnection.self) { group in
            for _ in 0..<12 { group.addTask { try await PostgresConnection.connect(to: url) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let clock = ContinuousClock()
        let started = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for connection in connections {
                group.addTask { _ = try await connection.query("SELECT pg_sleep(1)") }
            }
            try await group.waitForAll()
        }
        #expect(clock.now - started < .seconds(4))
        for connection in connections { await connection.close() }
    }
}
