import Foundation
import Testing
@testable import ML

/// A cancelled token stops a fit at its next check: a tree, a λ, a fold or a model.
@Suite struct CancellationTests {
    static let problem = SyntheticProblem(rows: 2_000)

    /// A GBM with far more trees than a test could wait for.
    static var endlessBoosting: GradientBoosting {
        var config = GradientBoostingConfiguration()
        config.treeCount = 1_000_000
        config.learningRate = 0.001
        config.threads = 2
        return GradientBoosting(configuration: config)
    }

    /// Cancels `token` after `delay` from a thread of its own: the learners keep Dispatch's threads busy, where a
    /// timer could wait its turn.
    static func cancel(_ token: CancellationToken, after delay: TimeInterval) {
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: delay)
            token.cancel()
        }
    }

    /// Runs `fit` with `token` bound and returns how long it took to throw `CancellationError`.
    static func timeToCancel(_ token: CancellationToken, _ fit: () throws -> Void) -> Duration {
        let started = ContinuousClock.now
        #expect(throws: CancellationError.self) { try token.bind(fit) }
        return ContinuousClock.now - started
    }

    @Test func boostingWithACancelledTokenThrowsBeforeItsFirstTree() {
        let token = CancellationToken()
        token.cancel()
        let p = Self.problem
        let elapsed = Self.timeToCancel(token) { _ = try Self.endlessBoosting.fit(p.train, labels: p.trainLabels) }
        #expect(elapsed < .seconds(1))
    }

    @Test func cancellingDuringBoostingStopsItWithinASecond() {
        let token = CancellationToken()
        let p = Self.problem
        // Cancelled from another thread while the fit runs on this one, as the worker's task does.
        Self.cancel(token, after: 0.2)
        let elapsed = Self.timeToCancel(token) { _ = try Self.endlessBoosting.fit(p.train, labels: p.trainLabels) }
        #expect(elapsed < .seconds(2))
    }

    @Test func forestsAndLinearModelsThrowOnACancelledToken() {
        let token = CancellationToken()
        token.cancel()
        let p = Self.problem
        var forest = RandomForestConfiguration()
        forest.treeCount = 10_000
        forest.threads = 2
        #expect(Self.timeToCancel(token) { _ = try RandomForest(configuration: forest).fit(p.train, labels: p.trainLabels) } < .seconds(1))
        var linear = GeneralizedLinearConfiguration()
        linear.lambdaSearch = true
        #expect(Self.timeToCancel(token) { _ = try GeneralizedLinear(configuration: linear).fit(p.train, labels: p.trainLabels) } < .seconds(1))
    }

    @Test func autoMLWithALargeBudgetStopsWhenCancelled() {
        let token = CancellationToken()
        var config = AutoMLConfiguration()
        config.maxModels = 500
        config.maxRuntimeSeconds = 3_600
        config.threads = 2
        let p = Self.problem
        Self.cancel(token, after: 0.3)
        let elapsed = Self.timeToCancel(token) { _ = try AutoML(configuration: config).fit(p.train, labels: p.trainLabels) }
        #expect(elapsed < .seconds(3))
    }

    @Test func aCancelledTaskStopsAFitWithoutAToken() async {
        let p = Self.problem
        let fit = Task {
            // Wait for the cancel, so the fit surely starts cancelled.
            while !Task.isCancelled { await Task.yield() }
            _ = try Self.endlessBoosting.fit(p.train, labels: p.trainLabels)
        }
        fit.cancel()
        await #expect(throws: CancellationError.self) { try await fit.value }
    }
}
