@testable import Jobs

extension TrainingSettings {
    /// The settings the synthetic training tests fit with: a search of `maxModels` models on three folds, the stack at
    /// `preset`, fast enough for a unit test.
    static func quick(maxModels: Int, preset: Preset) -> TrainingSettings {
        var settings = TrainingSettings()
        settings.maxModels = maxModels
        settings.folds = 3
        settings.preset = preset
        return settings
    }
}
