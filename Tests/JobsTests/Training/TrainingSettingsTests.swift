import Foundation
import Jobs
import ML
import Store
import Testing

/// The seed's training configuration: its defaults, its names, and refusals of settings that cannot train.
@Suite struct TrainingSettingsTests {
    @Test func defaultsAreTheSeedsAndEveryKeyIsOptional() throws {
        let defaults = try JSONDecoder().decode(TrainingSettings.self, from: Data("{}".utf8))
        #expect(defaults == TrainingSettings())
        #expect(defaults.trainingWindowDays == 365 && defaults.validationWindowDays == 30 && defaults.maxModels == 50)
        #expect(defaults.maxRuntimeSeconds == 3_600 && defaults.preset == .bestQuality)
        #expect(defaults.learnsFromTheClose)
        let byResults = try JSONDecoder().decode(TrainingSettings.self, from: Data(#"{"learns_from_the_close": false}"#.utf8))
        #expect(!byResults.learnsFromTheClose && byResults.maxModels == 50)
        let overridden = try JSONDecoder().decode(
            TrainingSettings.self,
            from: Data(#"{"training_window_days": 90, "h2o_max_models": 5, "autogluon_preset": "medium_quality"}"#.utf8))
        #expect(overridden.trainingWindowDays == 90 && overridden.maxModels == 5 && overridden.preset == .mediumQuality)
        #expect(overridden.validationWindowDays == 30)
        #expect(overridden.stack.layers == 1 && overridden.autoML.maxModels == 5)
    }

    @Test func thePlatformsStackLeavesOutTheSymmetricGBMThatAutoMLTries() {
        let settings = TrainingSettings()
        #expect(StackConfiguration().learners.contains(.symmetricGradientBoosting))
        #expect(!settings.stack.learners.contains(.symmetricGradientBoosting))
        #expect(settings.stack.learners.count == StackConfiguration().learners.count - 1)
        #expect(settings.stack.validation == .walkForward)
    }

    @Test func settingsThatCannotTrainAreRefusedWithTheReason() throws {
        var settings = TrainingSettings()
        settings.validationWindowDays = 200
        #expect(settings.problem?.contains("validation_window_days") == true)
        let job = TrainAutoML(sport: "nba", betType: .spread, settings: settings)
        #expect(throws: (any Error).self) { try job.validate() }
        #expect(throws: (any Error).self) { try TrainStack(sport: "nba", asOf: "yesterday").validate() }
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(TrainAutoML.self, from: Data(#"{"betType": "parlay"}"#.utf8)).validate()
        }
        try TrainAutoML(sport: "nba", betType: .total, asOf: "2026-05-01T00:00:00Z").validate()
    }
}
