import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The sandbox HTTP server: The Odds API v4, ESPN's scoreboard, Open-Meteo's forecast and archive,
/// OpenWeatherMap's 5-day forecast and Baseball Savant's Statcast CSV, served in their real formats from a
/// simulated world, plus `/sandbox/v1/truth/{sport}` for evaluation — or, with a `ReplayWorld` in its
/// configuration, ESPN's scoreboard and The Odds API from historical games (weather, Savant and truth then
/// answer 404); and in either, `/sandbox/v1/webhooks/{inbox}`, an endpoint for the platform's alert webhooks.
///
/// Run it as a `Service`, or in-process for a test:
/// ```swift
/// try await SandboxServer(configuration: .init(seed: 7, speed: 0)).withRunning { sandbox in
///     let odds = OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox")
/// }
/// ```
public struct SandboxServer: Service {
    /// The world served.
    public let world: SandboxWorld
    /// The replayed world served instead of the simulated one's games, if any.
    public let replay: ReplayWorld?
    /// The world's clock.
    public let clock: SandboxClock
    /// Faults to serve instead of good responses.
    public let faults: FaultPlan
    /// What webhooks POSTed to `/sandbox/v1/webhooks/{inbox}`.
    public let webhooks: WebhookInbox
    private let configuration: SandboxConfiguration
    private let account: OddsAPIAccount
    private let openWeatherMapAccount: OpenWeatherMapAccount
    private let logger: Logger

    /// A server for `configuration`.
    public init(configuration: SandboxConfiguration, logger: Logger = Logger(label: "aips.sandbox")) {
        self.configuration = configuration
        self.logger = logger
        world = SandboxWorld(
            seed: configuration.seed, sports: configuration.sports, marketOpensBeforeStart: configuration.marketOpensBeforeStart)
        replay = configuration.replay
        clock = SandboxClock(start: configuration.start, speed: configuration.speed)
        faults = FaultPlan()
        webhooks = WebhookInbox()
        account = OddsAPIAccount(
            key: configuration.oddsAPIKey, quota: configuration.oddsAPIQuota,
            requestsPerWindow: configuration.oddsAPIRequestsPerWindow, window: configuration.oddsAPIRateWindow)
        openWeatherMapAccount = OpenWeatherMapAccount(
            key: configuration.openWeatherMapKey, callsPerWindow: configuration.openWeatherMapCallsPerWindow,
            window: configuration.openWeatherMapRateWindow)
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        try await application(onListening: { _ in }).run()
    }

    /// Serves while `body` runs, then stops; `body` gets the running sandbox with its base URL.
    public func withRunning<T: Sendable>(_ body: @Sendable (RunningSandbox) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = application { continuation.yield($0) }
        let group = ServiceGroup(services: [application], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { continuation.finish() }
                try await group.run()
            }
            guard let port = await ports.first(where: { _ in true }) else {
                // The server stopped before listening: its error explains why.
                try await tasks.waitForAll()
                throw CancellationError()
            }
            let running = RunningSandbox(
                baseURL: "http://\(configuration.host):\(port)", world: world, replay: replay, clock: clock, faults: faults, webhooks: webhooks)
            let result: Result<T, any Error>
            do {
                result = .success(try await body(running))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }

    private func application(onListening: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let router = Router()
        let json = JSONResponse(faults: faults)
        webhooks.register(on: router, json: json)
        if let replay {
            OddsAPIEndpoints(world: replay, clock: clock, account: account, json: json).register(on: router)
            ESPNEndpoints(world: replay, injured: nil, clock: clock, json: json).register(on: router)
            UnreplayedEndpoints(json: json).register(on: router)
        } else {
            registerSimulated(on: router, json: json)
        }
        let logger = logger
        return Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "aips-sandbox"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("sandbox listening", metadata: ["port": "\(port)", "world": "\(replay == nil ? "simulated" : "replayed")"])
                onListening(port)
            },
            logger: logger)
    }

    private func registerSimulated(on router: Router<BasicRequestContext>, json: JSONResponse) {
        OddsAPIEndpoints(world: world, clock: clock, account: account, json: json).register(on: router)
        ESPNEndpoints(world: world, injured: world, clock: clock, json: json).register(on: router)
        OpenMeteoEndpoints(world: world, clock: clock, json: json).register(on: router)
        OpenWeatherMapEndpoints(world: world, clock: clock, account: openWeatherMapAccount, json: json).register(on: router)
        TruthEndpoints(world: world, clock: clock, json: json).register(on: router)
        SavantEndpoints(world: world, clock: clock, responses: json, rowCap: configuration.savantRowCap).register(on: router)
    }
}
