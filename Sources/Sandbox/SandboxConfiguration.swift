import Foundation

/// How the sandbox world is made and served.
public struct SandboxConfiguration: Sendable {
    /// The seed: the same seed makes the same league, schedule, lines and results.
    public var seed: UInt64
    /// The world's time when the server starts.
    public var start: Date
    /// World seconds per real second (1: real time; 60: an hour a minute; 0: frozen).
    public var speed: Double
    /// The sports simulated.
    public var sports: [SandboxSport]
    /// The key The Odds API endpoints accept.
    public var oddsAPIKey: String
    /// The Odds API credits available (each odds call costs markets × regions).
    public var oddsAPIQuota: Int
    /// Odds API requests allowed per `oddsAPIRateWindow` before 429 `EXCEEDED_FREQ_LIMIT`.
    public var oddsAPIRequestsPerWindow: Int
    /// The window the request limit counts over (the real API's is one second).
    public var oddsAPIRateWindow: Duration
    /// The `appid` the OpenWeatherMap endpoint accepts.
    public var openWeatherMapKey: String
    /// OpenWeatherMap calls allowed per `openWeatherMapRateWindow` before 429 (the free plan's: 60 a minute).
    public var openWeatherMapCallsPerWindow: Int
    /// The window OpenWeatherMap's call limit counts over.
    public var openWeatherMapRateWindow: Duration
    /// The most rows one Savant search returns; the rest are dropped silently, as Savant does.
    public var savantRowCap: Int
    /// How long before the start books first post lines.
    public var marketOpensBeforeStart: TimeInterval
    /// The address to listen on.
    public var host: String
    /// The port (0 picks a free one).
    public var port: Int
    /// Historical games to serve instead of the simulated ones (`nil`: the simulated world).
    public var replay: ReplayWorld?

    /// A configuration; defaults: the simulated world, real time from now, every sport (NBA, MLB, EPL, NHL, NFL), key `sandbox`, 100 000 credits,
    /// 30 requests per one-second window, OpenWeatherMap key `sandbox` with 60 calls a minute, Savant's 40 000-row cap, lines open 48 h before the start, 127.0.0.1 on a free port.
    public init(
        seed: UInt64, start: Date = Date(), speed: Double = 1, sports: [SandboxSport] = SandboxSport.allCases,
        oddsAPIKey: String = "sandbox", oddsAPIQuota: Int = 100_000, oddsAPIRequestsPerWindow: Int = 30,
        oddsAPIRateWindow: Duration = .seconds(1), openWeatherMapKey: String = "sandbox", openWeatherMapCallsPerWindow: Int = 60,
        openWeatherMapRateWindow: Duration = .seconds(60),
        savantRowCap: Int = 40_000, marketOpensBeforeStart: TimeInterval = 48 * 3600, host: String = "127.0.0.1", port: Int = 0,
        replay: ReplayWorld? = nil
    ) {
        self.seed = seed
        self.start = start
        self.speed = speed
        self.sports = sports
        self.oddsAPIKey = oddsAPIKey
        self.oddsAPIQuota = oddsAPIQuota
        self.oddsAPIRequestsPerWindow = oddsAPIRequestsPerWindow
        self.oddsAPIRateWindow = oddsAPIRateWindow
        self.openWeatherMapKey = openWeatherMapKey
        self.openWeatherMapCallsPerWindow = openWeatherMapCallsPerWindow
        self.openWeatherMapRateWindow = openWeatherMapRateWindow
        self.savantRowCap = savantRowCap
        self.marketOpensBeforeStart = marketOpensBeforeStart
        self.host = host
        self.port = port
        self.replay = replay
    }
}
