import Foundation
import TestSupport
import Testing
import Yams

/// deploy/ must name only what the code has: subcommands and options of the built `aips`, environment
/// variables read in Sources/, metrics emitted by Sources/ or Hummingbird's MetricsMiddleware, the ports
/// the processes really listen on. None of these tests needs Redis or PostgreSQL.
@Suite struct DeployTests {
    // MARK: parsing

    @Test func everyYAMLFileParses() throws {
        let files = Deploy.files(withExtensions: ["yml", "yaml"])
        #expect(files.count >= 12)
        for file in files {
            let documents = try Yams.load_all(yaml: try Deploy.read(file)).map { $0 }
            #expect(!documents.isEmpty, "\(file.path) holds no YAML document")
            for document in documents { #expect(document is [String: Any], "\(file.lastPathComponent): a document is not a mapping") }
        }
    }

    @Test func everyDashboardParsesAndQueriesPrometheus() throws {
        let files = Deploy.files(withExtensions: ["json"], under: "grafana/dashboards")
        #expect(files.count >= 3)
        for file in files {
            let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            #expect(dashboard["uid"] is String && dashboard["title"] is String, "\(file.lastPathComponent)")
            let panels = try #require(dashboard["panels"] as? [[String: Any]], "\(file.lastPathComponent) has no panels")
            #expect(!panels.isEmpty)
            for panel in panels {
                let targets = panel["targets"] as? [[String: Any]] ?? []
                #expect(!targets.isEmpty && targets.allSatisfy { ($0["expr"] as? String)?.isEmpty == false }, "\(file.lastPathComponent): \(panel["title"] ?? "?")")
            }
        }
        let provider = try Deploy.yaml("grafana/provisioning/dashboards/aips.yml")
        let options = try #require((provider["providers"] as? [[String: Any]])?.first?["options"] as? [String: Any])
        #expect(options["path"] as? String == "/var/lib/grafana/dashboards")
        #expect(try Deploy.read(Deploy.url("docker-compose.yml")).contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro"))
    }

    // MARK: commands and options

    @Test func everyInvocationNamesRealSubcommandsAndOptions() throws {
        let invocations = try Deploy.invocations()
        #expect(invocations.count >= 8)
        for invocation in invocations {
            try AIPSHelp.check(invocation.argv, in: invocation.source)
        }
        #expect(try Deploy.read(Deploy.url("Dockerfile")).contains(#"ENTRYPOINT ["aips"]"#))
    }

    @Test func runbooksUseRealCommands() throws {
        let names = ["data-ingestion.md", "model-serving.md", "database-failover.md", "site-outage.md", "maintenance.md"]
        var checked = 0
        for name in names {
            let text = try Deploy.read(Deploy.url("runbooks/\(name)"))
            // `aips …` inside backticks, up to the closing backtick.
            for match in text.matches(of: /`aips ([^`]+)`/) {
                let argv = match.1.split(separator: " ").map(String.init).filter { $0 != "…" }
                try AIPSHelp.check(argv, in: "runbooks/\(name)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    // MARK: environment

    @Test func everyEnvironmentVariableIsReadBySources() throws {
        var names: [String: String] = [:]  // name → where
        let compose = try Deploy.yaml("docker-compose.yml")
        for (service, spec) in try Deploy.aipsServices(compose) {
            for key in (spec["environment"] as? [String: Any] ?? [:]).keys { names[key] = "compose \(service)" }
            for file in spec["env_file"] as? [String] ?? [] {
                let example = Deploy.url(file + ".example")
                for line in try Deploy.read(example).split(separator: "\n") where !line.hasPrefix("#") && line.contains("=") {
                    names[String(line.split(separator: "=")[0])] = example.lastPathComponent
                }
            }
        }
        // What the aips containers read: their ConfigMap and Secret (envFrom) and their own env. PostgreSQL's pods
        // (postgres.yaml, its aips-postgres Secret and init scripts) read the image's variables, not ours.
        for document in try Deploy.kubernetesDocuments() {
            let kind = document["kind"] as? String
            let name = (document["metadata"] as? [String: Any])?["name"] as? String ?? "?"
            if kind == "ConfigMap" && name == "aips-config" {
                for key in (document["data"] as? [String: Any] ?? [:]).keys { names[key] = "ConfigMap \(name)" }
            }
            if kind == "Secret" && name == "aips-secrets" {
                for key in (document["stringData"] as? [String: Any] ?? [:]).keys { names[key] = "Secret \(name)" }
            }
            for container in Deploy.containers(of: document) where (container["image"] as? String)?.hasPrefix("aips") == true {
                for entry in container["env"] as? [[String: Any]] ?? [] { names[entry["name"] as! String] = "\(name) env" }
            }
        }
        #expect(Set(names.keys).isSuperset(of: ["REDIS_URL", "DATABASE_URL", "JWT_SECRET", "JWT_SECRET_FILE", "ODDS_API_KEY"]))
        let sources = try Deploy.swiftSources()
        for (name, place) in names.sorted(by: { $0.key < $1.key }) {
            #expect(sources.contains("environment[\"\(name)\"]"), "\(name) (\(place)) is read nowhere in Sources/")
        }
    }

    // MARK: metrics

    @Test func everyMetricInAlertsDashboardsAndAdapterIsEmitted() throws {
        let emitted = try Metrics.emitted()
        // The API's HTTP metrics and the queue's must all be known, or the checks below prove nothing.
        #expect(emitted.histograms.isSuperset(of: ["http_server_request_duration", "aips_job_duration_seconds", "aips_job_pickup_seconds"]))
        #expect(emitted.all.isSuperset(of: ["hb_requests", "hb_request_errors", "http_server_active_requests", "aips_queue_depth", "aips_scheduler_leader"]))

        var expressions: [(String, String)] = []
        let alerts = try Deploy.yaml("prometheus/alerts.yml")
        var runbooks: Set<String> = []
        for group in alerts["groups"] as? [[String: Any]] ?? [] {
            for rule in group["rules"] as? [[String: Any]] ?? [] {
                let name = rule["alert"] as? String ?? "?"
                expressions.append((name, try #require(rule["expr"] as? String)))
                let runbook = try #require((rule["annotations"] as? [String: Any])?["runbook"] as? String, "\(name) has no runbook")
                #expect(FileManager.default.fileExists(atPath: Deploy.root.appendingPathComponent(runbook).path), "\(name): \(runbook)")
                runbooks.insert(runbook)
            }
        }
        #expect(expressions.count >= 8)
        #expect(runbooks.count >= 3)
        for file in Deploy.files(withExtensions: ["json"], under: "grafana/dashboards") {
            let text = try Deploy.read(file)
            for match in text.matches(of: /"expr": "((?:[^"\\]|\\.)*)"/) { expressions.append((file.lastPathComponent, String(match.1))) }
        }
        let adapter = try Deploy.read(Deploy.url("kubernetes/prometheus-adapter-rules.yaml"))
        expressions.append(("prometheus-adapter", adapter))
        for document in try Deploy.kubernetesDocuments() where document["kind"] as? String == "HorizontalPodAutoscaler" {
            for metric in (document["spec"] as? [String: Any])?["metrics"] as? [[String: Any]] ?? [] {
                if let name = ((metric["external"] as? [String: Any])?["metric"] as? [String: Any])?["name"] as? String {
                    #expect(emitted.all.contains(name), "HPA external metric \(name)")
                    #expect(adapter.contains("as: \(name)"), "the adapter rules do not expose \(name)")
                }
            }
        }

        for (place, expression) in expressions {
            let used = expression.matches(of: /\b((?:aips|hb|http_server)_[a-z_]+)\b/).map { String($0.1) }
            // Exporter series (node_, pg_, redis_) are checked against the running exporters in OperationsChecks.
            let exported = expression.contains(/\b(?:node|pg|redis)_[a-zA-Z_]+/)
            #expect(!used.isEmpty || exported || expression.contains("up{"), "\(place): no platform metric in \(expression)")
            for name in used {
                if let base = ["_bucket", "_sum", "_count"].compactMap({ name.hasSuffix($0) ? String(name.dropLast($0.count)) : nil }).first,
                    emitted.histograms.contains(base)
                {
                    continue
                }
                #expect(emitted.all.contains(name) && !emitted.histograms.contains(name), "\(place): \(name) is not emitted (as a plain series)")
            }
            // Every worker samples the whole queue's depth: adding instances up would multiply it.
            #expect(!expression.contains("sum(aips_queue_depth") && !expression.contains("sum by (queue) (aips_queue_depth"), "\(place)")
        }
    }

    // MARK: PostgreSQL

    /// postgres.yaml mirrors compose's postgres and postgres-replica: the same image, a streaming standby cloned with
    /// `pg_basebackup -R -X stream`, Services under the names the Secret's URLs use, readiness by `pg_isready`, and a
    /// network policy that lets the platform's pods in.
    @Test func postgresPrimaryAndReplicaMatchComposeAndTheSecretsURLs() throws {
        let documents = try Deploy.kubernetesDocuments()
        func named(_ kind: String, _ name: String) throws -> [String: Any] {
            try #require(documents.first { $0["kind"] as? String == kind && ($0["metadata"] as? [String: Any])?["name"] as? String == name },
                "no \(kind) \(name)")
        }
        let compose = try #require(try Deploy.yaml("docker-compose.yml")["services"] as? [String: [String: Any]])
        let image = try #require(compose["postgres"]?["image"] as? String)
        #expect(compose["postgres-replica"]?["image"] as? String == image)

        let initScripts = try named("ConfigMap", "aips-postgres-init")["data"] as? [String: String] ?? [:]
        let clone = try #require(initScripts["clone.sh"])
        #expect(clone.contains("pg_basebackup") && clone.contains(" -R -X stream") && clone.contains("-S aips_replica"))
        let replication = try #require(initScripts["10-replication.sh"])
        #expect(replication.contains("WITH REPLICATION") && replication.contains("pg_create_physical_replication_slot('aips_replica')"))
        #expect(replication.contains("host replication replicator all"))

        var sources: [String: [String: Any]] = [:]  // StatefulSet → its pod labels
        for (name, cloneFrom) in [("pg-primary", ""), ("pg-replica", "pg-primary")] {
            let set = try named("StatefulSet", name)
            let spec = try #require(set["spec"] as? [String: Any])
            #expect(spec["replicas"] as? Int == 1 && spec["serviceName"] as? String == name)
            #expect((spec["volumeClaimTemplates"] as? [[String: Any]])?.isEmpty == false, "\(name) keeps its data on a volume")
            let template = try #require(spec["template"] as? [String: Any])
            sources[name] = (template["metadata"] as? [String: Any])?["labels"] as? [String: Any]
            let podSpec = try #require(template["spec"] as? [String: Any])
            let initContainer = try #require((podSpec["initContainers"] as? [[String: Any]])?.first)
            #expect(initContainer["image"] as? String == image)
            let initEnv = Dictionary(uniqueKeysWithValues: (initContainer["env"] as? [[String: Any]] ?? []).map { ($0["name"] as! String, $0) })
            #expect(initEnv["CLONE_FROM"]?["value"] as? String == cloneFrom, "\(name) clones from \(cloneFrom)")
            let container = try #require(Deploy.containers(of: set).first)
            #expect(container["image"] as? String == image)
            let args = (container["args"] as? [String] ?? []).joined(separator: " ")
            for setting in ["wal_level=replica", "max_wal_senders=", "hot_standby=on"] { #expect(args.contains(setting), "\(name): \(setting)") }
            let probe = String(describing: (container["readinessProbe"] as? [String: Any])?["exec"] ?? "")
            #expect(probe.contains("pg_isready"), "\(name) readiness")
            let resources = try #require(container["resources"] as? [String: Any])
            #expect(resources["requests"] != nil && resources["limits"] != nil)
            // Every secret it reads is in the template.
            for entry in (container["env"] as? [[String: Any]] ?? []) + (initContainer["env"] as? [[String: Any]] ?? []) {
                guard let reference = (entry["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any] else { continue }
                let secret = try named("Secret", try #require(reference["name"] as? String))
                #expect((secret["stringData"] as? [String: Any])?[reference["key"] as? String ?? ""] != nil, "\(name): \(reference)")
            }
        }

        // The Services select those pods, under the names DATABASE_URL and DATABASE_REPLICA_URL use.
        let template = try Deploy.read(Deploy.url("kubernetes/secret.template.yaml"))
        #expect(template.contains("@pg-primary:5432,pg-replica:5432/aips?") && template.contains("target_session_attrs=read-write"))
        #expect(template.contains("DATABASE_REPLICA_URL=\"postgres://aips:$password@pg-replica:5432/aips?"))
        for name in ["pg-primary", "pg-replica"] {
            let spec = try #require(try named("Service", name)["spec"] as? [String: Any])
            let selector = try #require(spec["selector"] as? [String: Any])
            let labels = try #require(sources[name])
            #expect(selector.allSatisfy { labels[$0.key] as? String == $0.value as? String }, "\(name) selects its StatefulSet's pod")
            #expect((spec["ports"] as? [[String: Any]])?.first?["port"] as? Int == 5432)
        }

        // The default-deny policy would otherwise shut PostgreSQL off from the platform.
        let policy = try #require(try named("NetworkPolicy", "aips-postgres")["spec"] as? [String: Any])
        #expect((policy["podSelector"] as? [String: Any])?["matchLabels"] as? [String: String] == ["app.kubernetes.io/name": "postgres"])
        #expect(String(describing: policy["ingress"] ?? "").contains("5432"))
    }

    // MARK: ports, probes, resources

    @Test func portsAndProbesMatchTheCode() throws {
        let apiSource = try Deploy.read(Deploy.root.appendingPathComponent("Sources/aips/APICommand.swift"))
        #expect(apiSource.contains("var port: Int = 8080"))
        #expect(try Deploy.read(Deploy.root.appendingPathComponent("Sources/API/Metrics/MetricsEndpoint.swift")).contains(#"router.get("health/live")"#))
        let health = try Deploy.read(Deploy.root.appendingPathComponent("Sources/API/Health/HealthRoutes.swift"))
        #expect(health.contains(#"router.get("health/ready""#) && health.contains(#"router.get("health/live")"#))

        // Compose: what Prometheus scrapes is what the processes listen on.
        let compose = try Deploy.yaml("docker-compose.yml")
        let services = try Deploy.aipsServices(compose)
        var listening: [String: Int] = [:]
        for (name, spec) in services {
            let argv = spec["command"] as? [String] ?? []
            if argv.first == "api" { listening[name] = Deploy.port(after: "--port", in: argv) ?? 8080 }
            if let port = Deploy.port(after: "--metrics-port", in: argv) { listening[name] = port }
            if argv.first == "api" { #expect(Deploy.value(after: "--host", in: argv) == "0.0.0.0", "compose api must listen beyond loopback") }
        }
        #expect(listening == ["api": 8080, "worker": 9464, "scheduler": 9464])
        let prometheus = try Deploy.yaml("prometheus/prometheus.yml")
        var scraped: [String: Int] = [:]
        for job in prometheus["scrape_configs"] as? [[String: Any]] ?? [] {
            for sd in job["dns_sd_configs"] as? [[String: Any]] ?? [] {
                for name in sd["names"] as? [String] ?? [] { scraped[name] = sd["port"] as? Int }
            }
            #expect(job["metrics_path"] as? String == "/metrics")
        }
        #expect(scraped == listening)
        #expect((prometheus["rule_files"] as? [String]) == ["/etc/prometheus/alerts.yml"])

        // Kubernetes: container ports, probes and scrape annotations agree with the arguments.
        var seen: Set<String> = []
        for document in try Deploy.kubernetesDocuments() where document["kind"] as? String == "Deployment" {
            let template = try #require((document["spec"] as? [String: Any])?["template"] as? [String: Any])
            let annotations = (template["metadata"] as? [String: Any])?["annotations"] as? [String: Any] ?? [:]
            for container in Deploy.containers(of: document) {
                let argv = container["args"] as? [String] ?? []
                let name = try #require(argv.first)
                seen.insert(name)
                let port = name == "api" ? Deploy.port(after: "--port", in: argv) ?? 8080 : try #require(Deploy.port(after: "--metrics-port", in: argv))
                if name == "api" { #expect(Deploy.value(after: "--host", in: argv) == "0.0.0.0") }
                let ports = container["ports"] as? [[String: Any]] ?? []
                let named = Dictionary(uniqueKeysWithValues: ports.map { ($0["name"] as! String, $0["containerPort"] as! Int) })
                #expect(Set(named.values) == [port], "\(name): containerPort")
                #expect(annotations["prometheus.io/port"] as? String == String(port), "\(name): scrape port")
                for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
                    guard let spec = (container[probe] as? [String: Any])?["httpGet"] as? [String: Any] else {
                        #expect(probe == "startupProbe", "\(name) has no \(probe)")
                        continue
                    }
                    let path = spec["path"] as? String
                    #expect(named[spec["port"] as? String ?? ""] == port, "\(name) \(probe) port")
                    let allowed = name == "api" ? ["/health/live", "/health/ready"] : ["/health/live"]
                    #expect(allowed.contains(path ?? ""), "\(name) \(probe) path \(path ?? "nil")")
                    if name == "api" && probe == "readinessProbe" { #expect(path == "/health/ready") }
                }
            }
        }
        #expect(seen == ["api", "worker", "scheduler"])
    }

    @Test func resourcesFollowTheSeedTable() throws {
        let expected: [String: (requests: [String: String], limits: [String: String])] = [
            "api": (["cpu": "1", "memory": "2Gi"], ["cpu": "2", "memory": "4Gi"]),
            "worker": (["cpu": "2", "memory": "4Gi"], ["cpu": "4", "memory": "8Gi"]),
            "scheduler": (["cpu": "500m", "memory": "1Gi"], ["cpu": "1", "memory": "2Gi"]),
            "ml-trainer": (["cpu": "16", "memory": "32Gi"], ["cpu": "24", "memory": "64Gi"]),
        ]
        var replicas: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        for document in try Deploy.kubernetesDocuments() {
            kinds[document["kind"] as? String ?? "?", default: 0] += 1
            guard document["kind"] as? String == "Deployment" else { continue }
            for container in Deploy.containers(of: document) {
                let name = container["name"] as? String ?? "?"
                let resources = try #require(container["resources"] as? [String: Any])
                let want = try #require(expected[name])
                #expect(resources["requests"] as? [String: String] == want.requests, "\(name) requests")
                #expect(resources["limits"] as? [String: String] == want.limits, "\(name) limits")
                replicas[name] = (document["spec"] as? [String: Any])?["replicas"] as? Int
            }
        }
        #expect(replicas["scheduler"] == 1)
        #expect(Set(replicas.keys) == Set(expected.keys), "a Deployment per row of the seed's table")
        #expect(kinds["Ingress"] == 1 && (kinds["NetworkPolicy"] ?? 0) >= 3)
        // Jobs: the migration and the Redis cluster's creation.
        #expect(kinds["HorizontalPodAutoscaler"] == 2 && kinds["PodDisruptionBudget"] == 2 && kinds["Job"] == 2)
        // Redis's cluster and PostgreSQL's primary and replica.
        #expect(kinds["StatefulSet"] == 3)
        // aips-secrets and aips-postgres (templates); aips-config and PostgreSQL's init scripts.
        #expect(kinds["Secret"] == 2 && kinds["ConfigMap"] == 2 && (kinds["Service"] ?? 0) >= 5)
        // The Secret is a template: no value in it.
        for document in try Deploy.kubernetesDocuments() where document["kind"] as? String == "Secret" {
            for (key, value) in document["stringData"] as? [String: Any] ?? [:] { #expect(value as? String == "", "\(key) has a value") }
        }
        let kustomization = try Deploy.yaml("kubernetes/kustomization.yaml")
        let listed = try #require(kustomization["resources"] as? [String])
        #expect(!listed.contains("secret.template.yaml"))
        for file in listed { #expect(FileManager.default.fileExists(atPath: Deploy.url("kubernetes/\(file)").path), "\(file)") }
    }
}

// MARK: - helpers

enum Deploy {
    /// The package root: three levels above this file.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = root.appendingPathComponent("deploy")

    static func url(_ path: String) -> URL { directory.appendingPathComponent(path) }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    static func yaml(_ path: String) throws -> [String: Any] {
        try #require(try Yams.load(yaml: read(url(path))) as? [String: Any], "\(path) is not a mapping")
    }

    static func files(withExtensions extensions: Set<String>, under path: String? = nil) -> [URL] {
        let start = path.map(url) ?? directory
        let all = FileManager.default.enumerator(at: start, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return all.filter { extensions.contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    /// Every document of every manifest in deploy/kubernetes, the adapter's Helm values excepted.
    static func kubernetesDocuments() throws -> [[String: Any]] {
        try files(withExtensions: ["yaml"], under: "kubernetes").flatMap { file in
            try Yams.load_all(yaml: read(file)).compactMap { $0 as? [String: Any] }.filter { $0["kind"] != nil && $0["apiVersion"] != nil }
        }
    }

    static func containers(of document: [String: Any]) -> [[String: Any]] {
        let spec = document["spec"] as? [String: Any]
        let template = spec?["template"] as? [String: Any]
        return (template?["spec"] as? [String: Any])?["containers"] as? [[String: Any]] ?? []
    }

    /// Compose services that run the aips image (`<<` merge keys resolved), by name.
    static func aipsServices(_ compose: [String: Any]) throws -> [String: [String: Any]] {
        let services = try #require(compose["services"] as? [String: [String: Any]])
        var result: [String: [String: Any]] = [:]
        for (name, var spec) in services {
            if let base = spec.removeValue(forKey: "<<") as? [String: Any] { spec = base.merging(spec) { $1 } }
            if (spec["image"] as? String)?.hasPrefix("aips:") == true { result[name] = spec }
        }
        return result
    }

    /// Every `aips` command line in compose and Kubernetes, with where it comes from.
    static func invocations() throws -> [(argv: [String], source: String)] {
        var result: [(argv: [String], source: String)] = []
        for (name, spec) in try aipsServices(yaml("docker-compose.yml")) {
            result.append((try #require(spec["command"] as? [String], "compose \(name) has no command"), "compose \(name)"))
        }
        for document in try kubernetesDocuments() {
            for container in containers(of: document) where (container["image"] as? String)?.hasPrefix("aips") == true {
                result.append((try #require(container["args"] as? [String]), "kubernetes \(container["name"] ?? "?")"))
            }
        }
        return result
    }

    static func value(after option: String, in argv: [String]) -> String? {
        guard let index = argv.firstIndex(of: option), index + 1 < argv.count else { return nil }
        return argv[index + 1]
    }

    static func port(after option: String, in argv: [String]) -> Int? { value(after: option, in: argv).flatMap(Int.init) }

    /// All Swift sources of the package, concatenated.
    static func swiftSources() throws -> String {
        let all = FileManager.default.enumerator(at: root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return try all.filter { $0.pathExtension == "swift" }.map(read).joined(separator: "\n")
    }
}

/// `aips … --help`, run once per subcommand path.
enum AIPSHelp {
    private static let cache = Cache()

    final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var texts: [[String]: String?] = [:]
    }

    /// The help text of `aips path --help`, or nil when the command does not exist.
    static func help(_ path: [String]) throws -> String? {
        if let cached = cache.lock.withLock({ cache.texts[path] }) { return cached }
        let process = Process()
        process.executableURL = TestServers.aipsExecutable
        process.arguments = path + ["--help"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text: String? = process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
        cache.lock.withLock { cache.texts[path] = text }
        return text
    }

    /// The subcommands a help text lists.
    static func subcommands(in help: String) -> Set<String> {
        guard let section = help.range(of: "SUBCOMMANDS:") else { return [] }
        var names: Set<String> = []
        for line in help[section.upperBound...].split(separator: "\n") {
            guard line.hasPrefix("  ") else { break }
            if let word = line.split(separator: " ").first { names.insert(String(word)) }
        }
        return names
    }

    /// Walks `argv` down the subcommand tree and expects every `--option` in the help of the command reached.
    static func check(_ argv: [String], in source: String) throws {
        #expect(FileManager.default.isExecutableFile(atPath: TestServers.aipsExecutable.path), "build aips first")
        var path: [String] = []
        var help = try #require(try help([]), "aips --help failed")
        for token in argv where !token.hasPrefix("-") {
            guard subcommands(in: help).contains(token) else { break }
            path.append(token)
            help = try #require(try Self.help(path), "\(source): aips \(path.joined(separator: " ")) --help failed")
        }
        #expect(!path.isEmpty, "\(source): \(argv.joined(separator: " ")) names no aips subcommand")
        #expect(subcommands(in: help).isEmpty, "\(source): \(argv.joined(separator: " ")) stops at aips \(path.joined(separator: " ")), which needs a subcommand")
        for token in argv where token.hasPrefix("--") {
            let option = String(token.split(separator: "=")[0])
            #expect(help.contains(option), "\(source): aips \(path.joined(separator: " ")) has no \(option)")
        }
    }
}

/// The metric names the code emits, as Prometheus exposes them.
enum Metrics {
    struct Emitted {
        var all: Set<String> = ["up"]
        var histograms: Set<String> = []
    }

    static func emitted() throws -> Emitted {
        var result = Emitted()
        // swift-metrics constructors in Sources/ (and WorkerMetrics' cached counter/timer/gauge helpers).
        let sources = try Deploy.swiftSources()
        for match in sources.matches(of: /(Counter|Gauge|Timer|Recorder|Meter|counter|gauge|timer)\(\s*(?:label:\s*)?"(aips_[a-z_]+)"/) {
            let name = String(match.2)
            result.all.insert(name)
            if match.1.lowercased() == "timer" { result.histograms.insert(name) }
        }
        // Hummingbird's MetricsMiddleware, which the API installs; swift-prometheus turns dots into underscores.
        #expect(sources.contains("router.add(middleware: MetricsMiddleware())"))
        let middleware = try Deploy.read(
            Deploy.root.appendingPathComponent(".build/checkouts/hummingbird/Sources/Hummingbird/Middleware/MetricsMiddleware.swift"))
        for match in middleware.matches(of: /(Counter|Timer|Meter)\(\s*label:\s*"([a-z._]+)"/) {
            let name = match.2.replacingOccurrences(of: ".", with: "_")
            result.all.insert(name)
            if match.1 == "Timer" { result.histograms.insert(name) }
        }
        return result
    }
}
