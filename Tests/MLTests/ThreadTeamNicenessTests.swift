import Dispatch
import Glibc
import Synchronization
import Testing
@testable import ML

/// A fit started at background quality of service (as `ComputeQueue` in Jobs runs training, at nice 10 on Linux)
/// keeps that priority on the threads of its gradient boosting's team, which it creates: they inherit its nice value.
@Suite struct ThreadTeamNicenessTests {
    final class Seen: Sendable {
        private let values = Mutex<[Int32]>([])
        var all: [Int32] { values.withLock { $0 } }
        func record() { values.withLock { $0.append(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)) } }
    }

    @Test func aBackgroundFitsThreadTeamRunsAtItsPriority() async {
        let team = Seen()
        await withCheckedContinuation { continuation in
            DispatchQueue(label: "test.background-fit", qos: .background).async {
                Parallel.withThreads(2) {
                    for _ in 0..<20 { Parallel.forEachChunk(count: 64, chunks: 2) { _ in team.record() } }
                }
                continuation.resume()
            }
        }
        #expect(team.all.count == 40)
        #expect(team.all.allSatisfy { $0 >= 10 })
    }
}
