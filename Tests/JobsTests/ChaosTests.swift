import Foundation
import Testing
import TestSupport

/// A small chaos run in the suite; `bench/chaos.sh` runs the 10,000-job one.
/// Redis is killed twice under load, each time after a `BGREWRITEAOF`: once without waiting for it, once after it;
/// on the cluster, the queue moves between masters twice under load.
@Suite(.timeLimit(.minutes(3))) struct ChaosTests {
    @Test func killedWorkersRestartedRedisMidAOFRewriteAndAKilledLeaderLoseNothingAndApplyNothingTwice() async throws {
        let run = ChaosRun(configuration: .init(
            jobs: 600, workers: 3, workerKillInterval: 0.7, redisRestarts: 2, killSchedulerLeader: true,
            databaseURL: TestServers.databaseURL, aips: TestServers.aipsExecutable,
            directory: TestServers.temporaryDirectory, timeout: .seconds(120)))
        let report = try await run.run()
        #expect(report.isClean, "\(report)")
        #expect(report.accepted == 600)
        #expect(report.workerKills >= 1)
        #expect(report.redisRestarts == 2)
        // One kill right after BGREWRITEAOF started, one after it finished: both restarts replayed the AOF.
        #expect(report.aofRewrites == 2)
    }

    /// On the test cluster: worker processes killed while the queue moves to another master and on again.
    @Test func killedWorkersAndAQueueMovedTwiceBetweenClusterMastersLoseNothingAndApplyNothingTwice() async throws {
        try await ClusterReshaping.exclusively {
            let run = ChaosRun(configuration: .init(
                jobs: 600, workers: 3, workerKillInterval: 0.7, redisRestarts: 0, killSchedulerLeader: false,
                databaseURL: TestServers.databaseURL, aips: TestServers.aipsExecutable,
                directory: TestServers.temporaryDirectory, timeout: .seconds(120), redisClusterURL: TestServers.redisClusterURL,
                queueMoves: 2))
            let report = try await run.run()
            #expect(report.isClean, "\(report)")
            #expect(report.accepted == 600)
            #expect(report.queueMoves == 2)
        }
    }
}
