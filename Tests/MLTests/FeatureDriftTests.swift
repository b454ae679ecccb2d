import Testing

@testable import ML

/// Feature by feature over rows: a row without a feature counts as missing it, the largest shift comes first, and a
/// sample below `enoughRows` says so.
@Suite struct FeatureDriftTests {
    static func rows(_ count: Int, shift: Double, dropping dropped: String? = nil) -> [[String: Double]] {
        (0..<count).map { i in
            let value = (Double(i * 7 % count) + 0.5) / Double(count)
            var row = ["steady": value, "form": value + shift, "injuries": value]
            if let dropped { row[dropped] = nil }
            return row
        }
    }

    @Test func movedAndVanishedFeaturesComeFirstAndAreSignificant() {
        let drift = FeatureDrift(reference: Self.rows(600, shift: 0), current: Self.rows(400, shift: 0.5, dropping: "injuries"))
        #expect(drift.enoughRows)
        #expect(Set(drift.features.prefix(2).map(\.name)) == ["form", "injuries"])
        #expect(drift.features.last?.name == "steady")
        #expect(drift.features.map(\.stability.index) == drift.features.map(\.stability.index).sorted(by: >))
        #expect(Set(drift.significant.map(\.name)) == ["form", "injuries"])
        #expect(drift.features.first { $0.name == "injuries" }?.stability.currentMissing == 1)
    }

    @Test func aSmallOrEmptySampleIsNotEnough() {
        #expect(!FeatureDrift(reference: Self.rows(600, shift: 0), current: Self.rows(99, shift: 0)).enoughRows)
        let empty = FeatureDrift(reference: Self.rows(600, shift: 0), current: [])
        #expect(!empty.enoughRows && empty.features.isEmpty)
    }

    /// A feature no training row had (an injury list collected only after the training games) is unseen, not a
    /// significant shift: the model never learnt from it.
    @Test func aFeatureTheReferenceNeverHadIsUnseenNotSignificant() {
        let reference = Self.rows(600, shift: 0, dropping: "injuries")
        let drift = FeatureDrift(reference: reference, current: Self.rows(400, shift: 0.5))
        #expect(drift.features.first { $0.name == "injuries" }?.stability.level == .unseen)
        #expect(drift.unseen.map(\.name) == ["injuries"])
        #expect(drift.significant.map(\.name) == ["form"])
        // Still missing now: nothing arrived, and a feature neither sample has is not compared.
        let stillMissing = FeatureDrift(reference: reference, current: Self.rows(400, shift: 0, dropping: "injuries"))
        #expect(stillMissing.unseen.isEmpty && !stillMissing.features.contains { $0.name == "injuries" })
    }
}
