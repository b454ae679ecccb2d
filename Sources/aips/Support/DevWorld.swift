import ArgumentParser
import Foundation

/// The world whose games, odds and models an `aips dev` data directory's embedded database holds: the simulated one or
/// a replayed file, served by dev's own sandbox. Each has its own clock (a replayed season's is years ago), so one
/// directory serves one world: run another and the bootstrap would be skipped for the models already there, and the
/// schedule would mix a second world's games into the first's.
struct DevWorld: Equatable {
    /// How the world is named in the directory's `world` file and in the refusal.
    var name: String

    static let simulated = DevWorld(name: "simulated")

    static func replay(of path: String) -> DevWorld {
        DevWorld(name: "replay of \(URL(fileURLWithPath: path).standardizedFileURL.path)")
    }

    static let fileName = "world"

    /// Records this world in `directory`, or refuses when it holds another one's data. A directory from before the
    /// file existed, with a database in it, holds the simulated world's.
    func claim(_ directory: URL) throws {
        let url = directory.appendingPathComponent(Self.fileName)
        let recorded = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? (FileManager.default.fileExists(atPath: directory.appendingPathComponent("pg").path) ? Self.simulated.name : nil)
        if let recorded {
            guard recorded == name else {
                throw ValidationError(
                    "\(directory.path) holds the \(recorded) world's games and models, not the \(name)'s: remove it to start over")
            }
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data((name + "\n").utf8).write(to: url, options: .atomic)
    }
}
