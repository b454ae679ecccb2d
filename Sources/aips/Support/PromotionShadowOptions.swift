import ArgumentParser
import Foundation

/// The shadow period a promotion request needs before an approval without force, shared by `aips api` and
/// `aips promotion approve`: `--shadow-games`, else `PROMOTION_SHADOW_GAMES`, else 30 settled games.
struct PromotionShadowOptions: ParsableArguments {
    static let defaultGames = 30

    @Option(
        help: ArgumentHelp(
            "Settled games a model under promotion review must have forecast in shadow before it can be approved without force "
                + "(default: $PROMOTION_SHADOW_GAMES, else \(Self.defaultGames)).", valueName: "games"))
    var shadowGames: Int?

    func validate() throws { _ = try resolvedGames() }

    /// The games required; a negative or unreadable setting is refused.
    func resolvedGames(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        if let shadowGames {
            guard shadowGames >= 0 else { throw ValidationError("--shadow-games must be 0 or more") }
            return shadowGames
        }
        guard let text = environment["PROMOTION_SHADOW_GAMES"], !text.isEmpty else { return Self.defaultGames }
        guard let games = Int(text), games >= 0 else { throw ValidationError("PROMOTION_SHADOW_GAMES must be a whole number, 0 or more") }
        return games
    }
}
