import Foundation
import TestSupport
import Testing
import Yams

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The operations files checked by the tools that run them: promtool (rules, their unit tests, the scrape
/// configuration), amtool (routing), nginx -t, kubernetes-validate (manifests), and the real exporters, whose
/// metrics every dashboard and rule must find. A broken file fails here, not in production. The exporter check
/// scrapes exporters started against the test command's Redis and PostgreSQL.
@Suite struct OperationsChecksTests {
    @Test func dashboardsCoverTheSeedInventory() throws {
        var titles: Set<String> = []
        for file in Deploy.files(withExtensions: ["json"], under: "grafana/dashboards") {
            let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            titles.insert(try #require(dashboard["title"] as? String))
        }
        let seed: Set = [
            "System Overview", "API Performance", "Database Health", "Redis Metrics", "ML Pipeline", "Prediction Accuracy",
            "Data Quality", "Business Metrics",
        ]
        #expect(seed.isSubset(of: titles), "missing: \(seed.subtracting(titles).sorted())")
    }

    @Test func alertRulesPassPromtoolAndEachHasAUnitTest() throws {
        let directory = Deploy.url("prometheus")
        try Tool.run("promtool", ["check", "rules", "alerts.yml"], in: directory)
        try Tool.run("promtool", ["test", "rules", "alerts.test.yml"], in: directory)
        try Tool.run("promtool", ["check", "config", "--syntax-only", "prometheus.yml"], in: directory)

        let rules = try Deploy.yaml("prometheus/alerts.yml")
        let names = (rules["groups"] as? [[String: Any]] ?? []).flatMap { ($0["rules"] as? [[String: Any]] ?? []).compactMap { $0["alert"] as? String } }
        #expect(names.count >= 18)
        let tests = try Deploy.yaml("prometheus/alerts.test.yml")
        var firing: Set<String> = []
        for test in tests["tests"] as? [[String: Any]] ?? [] {
            for check in test["alert_rule_test"] as? [[String: Any]] ?? [] where !(check["exp_alerts"] as? [Any] ?? []).isEmpty {
                firing.insert(check["alertname"] as? String ?? "")
            }
        }
        #expect(Set(names).subtracting(firing).isEmpty, "alerts no unit test makes fire: \(Set(names).subtracting(firing).sorted())")
        let seed: Set = ["APIHighErrorRate", "DatabaseCPUHigh", "DiskSpaceLow", "ModelServingDown", "OddsStale", "OddsIncomplete",
            "DeadJobsGrowing", "QueueBacklogStale", "NoSchedulerLeader", "WorkersDown"]
        #expect(seed.isSubset(of: Set(names)), "missing: \(seed.subtracting(names).sorted())")
    }

    @Test func alertmanagerPagesSEV1AndNotifiesTheRest() throws {
        let directory = Deploy.url("alertmanager")
        try Tool.run("amtool", ["check-config", "alertmanager.yml"], in: directory)
        try Tool.run("amtool", ["config", "routes", "test", "--config.file=alertmanager.yml", "--verify.receivers=sev1-page,team-notify", "severity=critical"], in: directory)
        try Tool.run("amtool", ["config", "routes", "test", "--config.file=alertmanager.yml", "--verify.receivers=team-notify", "severity=warning"], in: directory)
        let prometheus = try Deploy.yaml("prometheus/prometheus.yml")
        let alerting = try #require(prometheus["alerting"] as? [String: Any], "prometheus.yml sends alerts nowhere")
        #expect(String(describing: alerting).contains("alertmanager:9093"))
    }

    @Test func nginxConfigurationIsValidAndForwardsTheClient() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("aips-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("tls"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let configuration = try Deploy.read(Deploy.url("nginx/nginx.conf"))
        try configuration.write(to: work.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        try Tool.run(
            "openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", "tls/aips.key", "-out", "tls/aips.crt"],
            in: work)
        try Tool.run("nginx", ["-t", "-p", work.path, "-c", work.appendingPathComponent("nginx.conf").path], in: work)
        #expect(configuration.contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for"))

        let compose = try Deploy.yaml("docker-compose.yml")
        let services = try #require(compose["services"] as? [String: [String: Any]])
        #expect(Set(services.keys).isSuperset(of: ["nginx-1", "nginx-2", "node-exporter", "postgres-exporter", "redis-exporter", "alertmanager"]))
        let api = try #require(try Deploy.aipsServices(compose)["api"])
        let trusted = try #require((api["environment"] as? [String: Any])?["TRUSTED_PROXIES"] as? String, "the API must trust nginx")
        #expect(!trusted.isEmpty && api["ports"] == nil, "only nginx (and Prometheus) reach the API")
    }

    /// Every manifest kustomize applies, checked against the Kubernetes API schemas (kubernetes-validate,
    /// strict: an unknown or misplaced field fails too), so a typo is caught here rather than by `kubectl apply`.
    @Test func kubernetesManifestsMatchTheAPISchemas() throws {
        let directory = Deploy.url("kubernetes")
        let kustomization = try Deploy.yaml("kubernetes/kustomization.yaml")
        let resources = try #require(kustomization["resources"] as? [String])
        #expect(resources.count >= 9)
        try Tool.run("kubernetes-validate", ["--strict", "--quiet"] + resources + ["secret.template.yaml"], in: directory)
    }

    @Test func everyExporterSeriesADashboardOrRuleQueriesIsExported() async throws {
        var expressions: [(String, String)] = []
        let rules = try Deploy.yaml("prometheus/alerts.yml")
        for group in rules["groups"] as? [[String: Any]] ?? [] {
            for rule in group["rules"] as? [[String: Any]] ?? [] { expressions.append((rule["alert"] as? String ?? "?", rule["expr"] as? String ?? "")) }
        }
        for file in Deploy.files(withExtensions: ["json"], under: "grafana/dashboards") {
            for match in try Deploy.read(file).matches(of: /"expr": "((?:[^"\\]|\\.)*)"/) { expressions.append((file.lastPathComponent, String(match.1))) }
        }
        let exported = try await Exporters.scrapeAll()
        let sampled = ["node_cpu_seconds_total", "pg_up", "redis_up"].filter(exported.contains)
        #expect(sampled.count == 3, "the exporters answered only with \(sampled)")
        var checked = 0
        for (place, expression) in expressions {
            for match in expression.matches(of: /\b((?:node|pg|redis)_[a-zA-Z_]+)\b/) {
                let isExported = exported.contains(String(match.1))
                #expect(isExported, "\(place): \(match.1) is exported by no exporter")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }
}

/// Runs a command-line tool and fails with its output when it exits non-zero.
enum Tool {
    static func run(_ name: String, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name) \(arguments.joined(separator: " ")) failed:\n\(text)")
        if process.terminationStatus != 0 { throw ToolFailed(name: name) }
    }

    struct ToolFailed: Error { let name: String }
}

/// The node, PostgreSQL and Redis exporters (Debian's packages), run against the test servers just long
/// enough to read the names of the series they export.
enum Exporters {
    static func scrapeAll() async throws -> Set<String> {
        let redis = URLComponents(string: TestServers.redisURL)
        let redisAddress = "redis://\(redis?.host ?? "127.0.0.1"):\(redis?.port ?? 6379)"
        var names: Set<String> = []
        // Only the collectors the dashboards read: the rest (hardware sensors, systemd…) only slow the scrape.
        let collectors = ["cpu", "meminfo", "filesystem", "netdev", "loadavg", "diskstats"].map { "--collector.\($0)" }
        names.formUnion(try await scrape("prometheus-node-exporter", ["--collector.disable-defaults"] + collectors, environment: [:]))
        names.formUnion(try await scrape("prometheus-redis-exporter", ["--redis.addr=\(redisAddress)"], environment: [:]))
        names.formUnion(
            try await scrape(
                "prometheus-postgres-exporter", ["--extend.query-path=\(Deploy.url("prometheus/postgres-exporter-queries.yaml").path)"],
                environment: ["DATA_SOURCE_NAME": TestServers.databaseURL]))
        return names
    }

    /// Starts `executable` on a free loopback port, reads `/metrics` once it answers, stops it.
    static func scrape(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> Set<String> {
        let port = try TestServers.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable, "--web.listen-address=127.0.0.1:\(port)"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        let url = URL(string: "http://127.0.0.1:\(port)/metrics")!
        // Counted in tries, not seconds: the test command runs this beside suites that hold both cooperative threads
        // with simulated seasons for half a minute at a time, and a deadline in seconds passed while this loop was
        // never scheduled (two fresh-clone runs failed so, the exporter serving in a second once asked). Five minutes
        // bound a hung exporter.
        let deadline = ContinuousClock.now + .seconds(300)
        for _ in 0..<300 where ContinuousClock.now < deadline {
            var request = URLRequest(url: url)
            request.timeoutInterval = 10
            if let (data, response) = try? await URLSession.shared.data(for: request), (response as? HTTPURLResponse)?.statusCode == 200 {
                let text = String(decoding: data, as: UTF8.self)
                // The PostgreSQL exporter answers before its first connection; wait for the database's series.
                if executable.contains("postgres") && !text.contains("pg_stat_database_numbackends") {
                    try await Task.sleep(for: .milliseconds(200))
                    continue
                }
                return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
                    line.split(whereSeparator: { $0 == "{" || $0 == " " }).first.map(String.init)
                })
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("\(executable) did not serve /metrics in 300 tries (a minute of waiting)")
        return []
    }
}
