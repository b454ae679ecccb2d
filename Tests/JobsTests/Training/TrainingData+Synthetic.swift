import Foundation

@testable import Jobs

extension TrainingData {
    /// `rows` synthetic games a quarter of a day apart from 1970, each featurized an hour before its start, the last
    /// 30 % of them the evaluation window. `game` makes each game's features and label, in row order, drawing from
    /// one generator seeded with `seed`.
    static func synthetic(
        rows: Int, seed: UInt64, game: (_ index: Int, _ random: inout SplitMix) -> (features: [String: Double], label: Double)
    ) -> TrainingData {
        var random = SplitMix(state: seed)
        let day = 86_400.0
        let examples = (0..<rows).map { index -> TrainingExample in
            let (features, label) = game(index, &random)
            return TrainingExample(
                gameID: index, scheduledAt: Date(timeIntervalSince1970: Double(index) * day / 4),
                asOf: Date(timeIntervalSince1970: Double(index) * day / 4 - 3_600), features: features, label: label)
        }
        return TrainingData(examples: examples, validationStart: Date(timeIntervalSince1970: Double(rows) * 0.7 * day / 4))
    }
}
