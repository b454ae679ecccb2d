/// One test at a time may reshape the test cluster (move a slot, fail a master over).
///
/// Other tests ride through a reshaping, which is the point; two at once do not compose: a slot move whose target
/// master becomes a replica halfway fails on `CLUSTER SETSLOT`, and that failure would be the test's, not the
/// code's. Every test target links into one test process, so this one lock covers them all.
public actor ClusterReshaping {
    private static let shared = ClusterReshaping()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` with no other reshaping test running.
    public static func exclusively<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await shared.acquire()
        do {
            let value = try await body()
            await shared.release()
            return value
        } catch {
            await shared.release()
            throw error
        }
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
