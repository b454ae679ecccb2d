import ArgumentParser
import Foundation

/// `--reason TEXT`: why, logged as a model's event, as the admin API's `{"reason": …}` takes it (1 to 1000 characters,
/// not only spaces).
struct ReasonOption: ParsableArguments {
    @Option(help: "Why, logged as the model's event.")
    var reason: String

    func validate() throws {
        guard !text.isEmpty, reason.count <= 1_000 else { throw ValidationError("--reason must be 1 to 1000 characters") }
    }

    /// The reason without the white space around it.
    var text: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }
}
