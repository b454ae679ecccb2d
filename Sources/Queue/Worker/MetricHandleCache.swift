import Synchronization

/// Metric handles of one kind by label and dimension values, made once and then looked up.
///
/// Every job looks its metrics up, so the key is built without formatting text: the dimension names are the
/// label's own, the same every time, and only the values tell two handles apart.
final class MetricHandleCache<Metric: Sendable>: Sendable {
    private let handles = Mutex<[MetricHandleKey: Metric]>([:])

    /// The handle of `label` with `dimensions`; `make` creates it the first time.
    func handle(
        _ label: String, _ dimensions: [(String, String)], make: (String, [(String, String)]) -> Metric
    ) -> Metric {
        let key = MetricHandleKey(label: label, values: dimensions.map(\.1))
        return handles.withLock { cache in
            if let existing = cache[key] { return existing }
            let made = make(label, dimensions)
            cache[key] = made
            return made
        }
    }
}

/// A handle's label and dimension values.
private struct MetricHandleKey: Hashable {
    let label: String
    let values: [String]
}
