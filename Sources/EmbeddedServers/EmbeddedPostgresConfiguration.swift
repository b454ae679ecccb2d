/// Where and how `EmbeddedPostgres` runs a private PostgreSQL server.
public struct EmbeddedPostgresConfiguration: Sendable {
    /// The directory that holds the cluster (`data/`), the server log and the unix socket. Default `.data/pg`.
    public var directory: String
    /// The database created for the platform. Default `aips`.
    public var databaseName: String
    /// The port number in the socket's name (`.s.PGSQL.<port>`); nothing listens on TCP. Default 5432.
    public var port: Int
    /// The PostgreSQL programs (`initdb`, `pg_ctl`); found under `/usr/lib/postgresql/*/bin` or `PATH` when `nil`.
    public var binDirectory: String?
    /// The account the server runs as when this process is root (PostgreSQL refuses root). Default `postgres`.
    public var serverUser: String

    /// A configuration; every parameter has the documented default.
    public init(
        directory: String = ".data/pg", databaseName: String = "aips", port: Int = 5432, binDirectory: String? = nil,
        serverUser: String = "postgres"
    ) {
        self.directory = directory
        self.databaseName = databaseName
        self.port = port
        self.binDirectory = binDirectory
        self.serverUser = serverUser
    }
}
