import Foundation

/// How to reach Redis and how the client behaves.
public struct RedisConfiguration: Sendable {
    /// Where the server listens.
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case unix(path: String)
    }

    /// TLS settings for `rediss://` endpoints.
    public struct TLS: Sendable, Equatable {
        /// PEM file of trusted certificate authorities; `nil` uses the system's trust store.
        public var caFile: String?
        /// Client certificate and key (PEM) for servers that require them.
        public var certificateFile: String?
        public var keyFile: String?
        /// The name the server certificate must carry; defaults to the host.
        public var serverName: String?
        /// Verifying the server is on unless explicitly turned off (`tls_verify=none`).
        public var verifyPeer: Bool

        public init(caFile: String? = nil, certificateFile: String? = nil, keyFile: String? = nil, serverName: String? = nil, verifyPeer: Bool = true) {
            self.caFile = caFile
            self.certificateFile = certificateFile
            self.keyFile = keyFile
            self.serverName = serverName
            self.verifyPeer = verifyPeer
        }
    }

    /// How the servers are arranged, and so where each command goes.
    public enum Topology: Sendable, Equatable {
        /// One server, at `endpoint`.
        case server
        /// A Redis Cluster, discovered from any of these nodes; commands go to the master of their key's slot.
        case cluster(seeds: [Endpoint])
        /// The master named `masterName` that these sentinels watch; commands follow it through failovers.
        case sentinel(sentinels: [Endpoint], masterName: String)
    }

    /// The server; for a cluster or sentinel topology, the first seed or sentinel.
    public var endpoint: Endpoint
    /// Where commands go: one server (the default), a cluster, or a sentinel-watched master.
    public var topology: Topology = .server
    /// When set, the TCP endpoint is reached over TLS.
    public var tls: TLS?
    /// ACL user name (Redis 6+); `nil` authenticates as the default user.
    public var username: String?
    public var password: String?
    /// The logical database selected on every connection.
    public var database: Int
    /// Connections in the shared pool. Each pipelines many commands, so a few suffice.
    public var poolSize: Int
    /// How long a command may wait for its reply before it fails and the connection is reset.
    public var commandTimeout: Duration
    /// First delay before a reconnect; doubles up to `maximumReconnectDelay`.
    public var minimumReconnectDelay: Duration
    public var maximumReconnectDelay: Duration

    public init(
        endpoint: Endpoint = .tcp(host: "127.0.0.1", port: 6379),
        username: String? = nil,
        password: String? = nil,
        database: Int = 0,
        poolSize: Int = 2,
        commandTimeout: Duration = .seconds(5),
        minimumReconnectDelay: Duration = .milliseconds(50),
        maximumReconnectDelay: Duration = .seconds(2)
    ) {
        self.endpoint = endpoint
        self.username = username
        self.password = password
        self.database = database
        self.poolSize = poolSize
        self.commandTimeout = commandTimeout
        self.minimumReconnectDelay = minimumReconnectDelay
        self.maximumReconnectDelay = maximumReconnectDelay
    }

    /// Reads `redis://[user:password@]host[:port][/db]`, `rediss://…` (TLS) or `unix:///path?db=N&password=P`;
    /// `redis-cluster://host:port,host:port[?…]` for a Redis Cluster (any reachable nodes as seeds) and
    /// `redis-sentinel://host:port,host:port/mastername[?db=N]` for a sentinel-watched master, each also with
    /// `rediss-` for TLS to every node. Credentials and options apply to every node of a cluster and to the
    /// sentinel-named master; sentinels themselves are asked without a password.
    ///
    /// `rediss://` takes `tls_ca`, `tls_cert`, `tls_key`, `tls_server_name` and
    /// `tls_verify=none` query parameters. Debian's hiredis 0.14 has no TLS, so the
    /// client relays its connections through OpenSSL itself (see `RedisTLSTunnel`).
    public init(url: String) throws {
        self.init()
        if let hosts = try Self.hostList(url) {
            self = try RedisConfiguration(url: hosts.firstServerURL)
            topology = hosts.topology
            if case .cluster(let nodes) = topology { endpoint = nodes[0] }
            if case .sentinel(let nodes, _) = topology { endpoint = nodes[0] }
            if case .cluster = topology, database != 0 {
                throw RedisError(.invalidURL, message: "a Redis Cluster has only database 0, got \(database)")
            }
            return
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme else {
            throw RedisError(.invalidURL, message: "not a URL: \(Self.redacted(url))")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        switch scheme {
        case "redis", "rediss":
            let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
            endpoint = .tcp(host: host, port: components.port ?? 6379)
            let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if !path.isEmpty {
                guard let db = Int(path), db >= 0 else {
                    throw RedisError(.invalidURL, message: "database must be a number, got \"\(path)\"")
                }
                database = db
            }
            if scheme == "rediss" {
                let verify = query["tls_verify"] ?? "peer"
                guard verify == "peer" || verify == "none" else {
                    throw RedisError(.invalidURL, message: "tls_verify must be peer or none, got \"\(verify)\"")
                }
                tls = TLS(caFile: query["tls_ca"], certificateFile: query["tls_cert"], keyFile: query["tls_key"],
                          serverName: query["tls_server_name"], verifyPeer: verify == "peer")
            }
        case "unix":
            guard !components.path.isEmpty else {
                throw RedisError(.invalidURL, message: "unix URL without a socket path")
            }
            endpoint = .unix(path: components.path)
        default:
            throw RedisError(.invalidURL, message: "unknown scheme \"\(scheme)\" (expected redis://, rediss://, unix://, redis-cluster:// or redis-sentinel://)")
        }
        if let user = components.user, !user.isEmpty { username = user.removingPercentEncoding ?? user }
        if let secret = components.password { password = secret.removingPercentEncoding ?? secret }
        if let secret = query["password"] { password = secret }
        if let db = query["db"] {
            guard let value = Int(db), value >= 0 else {
                throw RedisError(.invalidURL, message: "db must be a number, got \"\(db)\"")
            }
            database = value
        }
        if let timeout = query["timeout"] {
            guard let seconds = Double(timeout), seconds > 0 else {
                throw RedisError(.invalidURL, message: "timeout must be seconds, got \"\(timeout)\"")
            }
            commandTimeout = .milliseconds(Int(seconds * 1000))
        }
    }

    /// The parts of a cluster or sentinel URL: the topology, and a `redis[s]://` URL of its first node that
    /// carries the rest (credentials, database, query); nil for any other scheme.
    private static func hostList(_ url: String) throws -> (topology: Topology, firstServerURL: String)? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound]
        guard let kind = ["-cluster", "-sentinel"].first(where: { scheme.hasSuffix($0) }) else { return nil }
        let base = scheme.dropLast(kind.count)
        guard base == "redis" || base == "rediss" else {
            throw RedisError(.invalidURL, message: "unknown scheme \"\(scheme)\" (expected redis\(kind):// or rediss\(kind)://)")
        }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var tail = rest[authorityEnd...]
        let at = authority.lastIndex(of: "@")
        let credentials = at.map { authority[...$0] } ?? ""
        let hosts = at.map { authority[authority.index(after: $0)...] } ?? authority
        var endpoints: [Endpoint] = []
        for node: Substring in hosts.split(separator: ",") {
            // Without a port: Redis's or Sentinel's default.
            let address = node.hasSuffix("]") || !node.contains(":") ? "\(node):\(kind == "-sentinel" ? 26379 : 6379)" : String(node)
            guard let endpoint = Endpoint(node: address, source: .tcp(host: "127.0.0.1", port: 6379)) else {
                throw RedisError(.invalidURL, message: "not host:port: \"\(node)\"")
            }
            endpoints.append(endpoint)
        }
        guard let first = endpoints.first else {
            throw RedisError(.invalidURL, message: "\(scheme) URL without a host")
        }
        let topology: Topology
        if kind == "-sentinel" {
            let pathEnd = tail.firstIndex(of: "?") ?? tail.endIndex
            let name = tail[..<pathEnd].trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            guard !name.isEmpty else {
                throw RedisError(.invalidURL, message: "a sentinel URL names its master: redis-sentinel://host:port/mastername")
            }
            topology = .sentinel(sentinels: endpoints, masterName: name)
            tail = tail[pathEnd...]
        } else {
            topology = .cluster(seeds: endpoints)
        }
        let host = first.host.contains(":") ? "[\(first.host)]" : first.host
        guard case .tcp(_, let port) = first else { return nil }
        return (topology, "\(base)://\(credentials)\(host):\(port)\(tail)")
    }

    /// The URL with any password replaced, safe to log.
    public static func redacted(_ url: String) -> String {
        // A cluster or sentinel URL lists several hosts, which URLComponents does not read.
        if let schemeEnd = url.range(of: "://"), url[..<schemeEnd.lowerBound].contains("-") {
            var redacted = url
            if let at = url[schemeEnd.upperBound...].firstIndex(of: "@"),
                let colon = url[schemeEnd.upperBound..<at].firstIndex(of: ":")
            {
                redacted = String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
            }
            return redacted.replacing(/([?&]password=)[^&]*/) { "\($0.output.1)***" }
        }
        guard var components = URLComponents(string: url) else { return "<unparseable url>" }
        if components.password != nil { components.password = "***" }
        if components.queryItems?.contains(where: { $0.name == "password" }) == true {
            components.queryItems = components.queryItems?.map {
                $0.name == "password" ? URLQueryItem(name: "password", value: "***") : $0
            }
        }
        return components.string ?? "<unparseable url>"
    }
}
