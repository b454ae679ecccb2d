import Metrics

/// A cache's hits and misses: `aips_cache_requests_total{cache,result}`, `result` being `hit` or `miss`.
///
/// The hit rate is `rate(…{result="hit"}) / rate(…)`, summed over every API instance.
struct CacheCounters: Sendable {
    private let hits: Counter
    private let misses: Counter

    /// The counters of the cache named `cache`, made through `factory`.
    init(cache: String, factory: any MetricsFactory) {
        hits = Counter(label: "aips_cache_requests_total", dimensions: [("cache", cache), ("result", "hit")], factory: factory)
        misses = Counter(label: "aips_cache_requests_total", dimensions: [("cache", cache), ("result", "miss")], factory: factory)
    }

    /// Counts one lookup.
    func record(hit: Bool) {
        (hit ? hits : misses).increment()
    }
}
