import Testing
@testable import ML

@Suite struct DataSplitsTests {
    @Test func kFoldValidatesEveryRowOnceAndKeepsClassBalance() {
        let labels = (0..<103).map { $0 % 4 == 0 ? 1.0 : 0.0 }
        let folds = DataSplits.kFold(rowCount: 103, folds: 5, seed: 1, stratifiedBy: labels)
        #expect(folds.count == 5)
        #expect(folds.flatMap(\.validation).sorted() == Array(0..<103))
        for fold in folds {
            #expect(Set(fold.train).isDisjoint(with: fold.validation))
            #expect(fold.train.count + fold.validation.count == 103)
            let positives = fold.validation.filter { labels[$0] == 1 }.count
            #expect(positives == 5 || positives == 6)
        }
    }

    @Test func walkForwardTrainsOnlyOnThePastAndLeavesTheGap() {
        // Two rows per day over 50 days, shuffled in storage.
        var random = SplitMix64(seed: 2)
        let times = (0..<100).map { Double($0 / 2) }.shuffled(using: &random)
        let folds = DataSplits.walkForward(times: times, folds: 4, gap: 3)
        #expect(folds.count == 4)
        for fold in folds {
            let lastTrain = fold.train.map { times[$0] }.max()!
            let firstValidation = fold.validation.map { times[$0] }.min()!
            #expect(firstValidation > lastTrain + 3)
        }
        #expect(zip(folds, folds.dropFirst()).allSatisfy { $0.train.count < $1.train.count })
    }
}
