import ArgumentParser

/// Asks before a destructive command unless `--yes` was given.
enum Confirmation {
    static func require(_ question: String, assumeYes: Bool) throws {
        if assumeYes { return }
        print("\(question) [y/N] ", terminator: "")
        guard let answer = readLine()?.lowercased(), answer == "y" || answer == "yes" else {
            throw CleanExit.message("Nothing done.")
        }
    }
}
