import Foundation
import Testing
import TestSupport

/// Chaos runs in the suite (`scripts/test` runs them alone). On one server, a small run: Redis is killed twice under
/// load, each time after a `BGREWRITEAOF`: once without waiting for it, once after it. On the cluster, the 10,000-job
/// run `bench/chaos.sh` makes with `CHAOS_CLUSTER=1`: the master serving the queue is SIGKILLed twice (its replica
/// takes over) and the queue moves between masters twice, all under load.
@Suite(.timeLimit(.minutes(8))) struct ChaosTests {
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

    /// On the test cluster, 10,000 jobs with PostgreSQL effects: worker processes killed, the queue's master SIGKILLed
    /// twice (its replica promoted), and the queue moved to another master and on again.
    @Test func killedWorkersKilledMastersAndAQueueMovedTwiceLoseNothingAndApplyNothingTwice() async throws {
        try await ClusterReshaping.exclusively {
            let run = ChaosRun(configuration: .init(
                jobs: 10_000, workers: 3, workerKillInterval: 0.8, redisRestarts: 2, killSchedulerLeader: false,
                databaseURL: TestServers.databaseURL, aips: TestServers.aipsExecutable,
                directory: TestServers.temporaryDirectory, timeout: .seconds(360), redisClusterURL: TestServers.redisClusterURL,
                queueMoves: 2))
            let report = try await run.run()
            #expect(report.isClean, "\(report)")
            #expect(report.accepted == 10_000)
            #expect(report.redisRestarts == 2)
            #expect(report.queueMoves == 2)
        }
    }
}
