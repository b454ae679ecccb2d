import Foundation
public import Logging
import Postgres

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private PostgreSQL server for `aips dev` when no `DATABASE_URL` is set: a cluster under `.data/pg`,
/// reachable only through a unix socket in that directory (`listen_addresses = ''`, no TCP).
///
/// ```swift
/// let embedded = EmbeddedPostgres(configuration: .init(directory: ".data/pg"))
/// let url = try await embedded.start()   // postgresql:///aips?host=/abs/.data/pg&port=5432&user=postgres
/// defer { try? await embedded.stop() }
/// ```
/// When this process is root the server runs as `serverUser` through `runuser`, since PostgreSQL
/// refuses to run as root.
public actor EmbeddedPostgres {
    private let configuration: EmbeddedPostgresConfiguration
    private let logger: Logger
    private var running: (binDirectory: String, directory: URL)?

    /// An embedded server for `configuration`; nothing runs until `start()`.
    public init(configuration: EmbeddedPostgresConfiguration = EmbeddedPostgresConfiguration(), logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Initializes the cluster if needed, starts the server (or adopts one already running on the same
    /// directory), creates the database if missing and returns its connection URL.
    public func start() async throws -> String {
        let directory = URL(fileURLWithPath: configuration.directory).standardizedFileURL
        let url = try connectionURL(directory: directory, database: configuration.databaseName)
        if running != nil { return url }
        let bin = try binDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = directory.appendingPathComponent("data")
        // Program output goes to tools.log (written by this process); the server writes postgres.log itself.
        let log = directory.appendingPathComponent("tools.log")
        let serverLog = directory.appendingPathComponent("postgres.log")
        let asRoot = getuid() == 0
        if asRoot { try await prepareServerUser(owning: directory, log: log) }

        if !FileManager.default.fileExists(atPath: data.appendingPathComponent("PG_VERSION").path) {
            logger.info("initializing embedded PostgreSQL", metadata: ["directory": "\(directory.path)"])
            try await runServerProgram(
                "\(bin)/initdb", ["-D", data.path, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"],
                asRoot: asRoot, log: log, failure: "initdb failed")
        }
        let status = try await runServerProgram(
            "\(bin)/pg_ctl", ["status", "-D", data.path], asRoot: asRoot, log: log, failure: nil)
        if status != 0 {
            let options = "-c listen_addresses='' -c unix_socket_directories='\(directory.path)' -c port=\(configuration.port)"
            try await runServerProgram(
                "\(bin)/pg_ctl", ["start", "-D", data.path, "-l", serverLog.path, "-w", "-t", "60", "-o", options],
                asRoot: asRoot, log: log, failure: "pg_ctl start failed")
            logger.info("started embedded PostgreSQL", metadata: ["socket": "\(directory.path)"])
        } else {
            logger.info("adopted running embedded PostgreSQL", metadata: ["socket": "\(directory.path)"])
        }
        running = (bin, directory)

        let admin = try await PostgresConnection.connect(to: try connectionURL(directory: directory, database: "postgres"))
        let exists = try await admin.query(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = \(configuration.databaseName)) AS found")
        if try exists.first?.decode(Bool.self, "found") != true {
            _ = try await admin.query("CREATE DATABASE \(identifier: configuration.databaseName)")
        }
        await admin.close()
        return url
    }

    /// Stops the server (fast shutdown: open sessions are ended, data is safe) if `start()` ran or adopted it
    /// and it is still running.
    public func stop() async throws {
        guard let (bin, directory) = running else { return }
        running = nil
        let data = directory.appendingPathComponent("data")
        let log = directory.appendingPathComponent("tools.log")
        let asRoot = getuid() == 0
        // pg_ctl status exits 3 when no server runs on the directory (another instance stopped it).
        let status = try await runServerProgram("\(bin)/pg_ctl", ["status", "-D", data.path], asRoot: asRoot, log: log, failure: nil)
        guard status == 0 else { return }
        try await runServerProgram(
            "\(bin)/pg_ctl", ["stop", "-D", data.path, "-m", "fast", "-w"], asRoot: asRoot, log: log,
            failure: "pg_ctl stop failed")
        logger.info("stopped embedded PostgreSQL")
    }

    /// The libpq URL of `database` over the socket in `directory`.
    private func connectionURL(directory: URL, database: String) throws -> String {
        let socket = directory.appendingPathComponent(".s.PGSQL.\(configuration.port)").path
        // sockaddr_un holds 107 bytes of path.
        guard socket.utf8.count < 107 else {
            throw StoreError(.embeddedServer, message: "socket path \(socket) is too long for a unix socket; use a shorter directory")
        }
        guard !directory.path.contains("'") else {
            throw StoreError(.embeddedServer, message: "the embedded PostgreSQL directory may not contain a single quote")
        }
        var components = URLComponents()
        components.scheme = "postgresql"
        components.host = ""
        components.path = "/" + database
        components.queryItems = [
            URLQueryItem(name: "host", value: directory.path), URLQueryItem(name: "port", value: String(configuration.port)),
            URLQueryItem(name: "user", value: "postgres"),
        ]
        guard let url = components.string else {
            throw StoreError(.embeddedServer, message: "cannot build a connection URL for \(directory.path)")
        }
        // URLComponents leaves "/" unescaped in query values; libpq accepts it, and "%2F" as well.
        return url
    }

    private func binDirectory() throws -> String {
        if let configured = configuration.binDirectory { return configured }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let installed = versions.compactMap { Int($0) }.sorted(by: >)
        for version in installed where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/initdb") {
            return String(directory)
        }
        throw StoreError(.embeddedServer, message: "PostgreSQL server programs (initdb, pg_ctl) not found; install the postgresql package")
    }

    /// As root: makes sure the server account exists and owns the directory.
    private func prepareServerUser(owning directory: URL, log: URL) async throws {
        let user = configuration.serverUser
        if getpwnam(user) == nil {
            let status = try await ChildProcess.run(
                "/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user], log: log)
            guard status == 0 else { throw failure("cannot create the \(user) account (useradd exit \(status))", log: log) }
        }
        let status = try await ChildProcess.run("/bin/chown", ["-R", user, directory.path], log: log)
        guard status == 0 else { throw failure("cannot give \(directory.path) to \(user)", log: log) }
        try allowServerUserToReach(directory)
    }

    /// Adds the search bit for others (never read) to every ancestor of `directory` that lacks it: the server
    /// account must pass through them, and a checkout under `mktemp -d` (mode 0700, owned by root) stopped initdb
    /// with "Permission denied".
    private func allowServerUserToReach(_ directory: URL) throws {
        var ancestor = directory.deletingLastPathComponent().standardizedFileURL
        while ancestor.path != "/" {
            let attributes = try FileManager.default.attributesOfItem(atPath: ancestor.path)
            if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o001 == 0 {
                try FileManager.default.setAttributes([.posixPermissions: mode | 0o001], ofItemAtPath: ancestor.path)
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
    }

    /// Runs a PostgreSQL program, through `runuser` when root; throws `failure` on a non-zero exit when given.
    @discardableResult
    private func runServerProgram(
        _ program: String, _ arguments: [String], asRoot: Bool, log: URL, failure message: String?
    ) async throws -> Int32 {
        let status: Int32
        if asRoot {
            let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }
            guard let runuser else { throw StoreError(.embeddedServer, message: "runuser not found; cannot run PostgreSQL as root") }
            status = try await ChildProcess.run(runuser, ["-u", configuration.serverUser, "--", program] + arguments, log: log)
        } else {
            status = try await ChildProcess.run(program, arguments, log: log)
        }
        if let message, status != 0 {
            throw failure("\(message) (exit \(status))", log: log)
        }
        return status
    }

    /// An error carrying the end of the program and server logs, where PostgreSQL explains itself.
    private func failure(_ message: String, log: URL) -> StoreError {
        let logs = [log, log.deletingLastPathComponent().appendingPathComponent("postgres.log")]
        let tail = logs.map { url in
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").suffix(6).joined(separator: "\n")
        }.filter { !$0.isEmpty }.joined(separator: "\n")
        return StoreError(.embeddedServer, message: message, detail: tail.isEmpty ? nil : tail)
    }
}
