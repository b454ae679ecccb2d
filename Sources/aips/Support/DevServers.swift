import API
import ArgumentParser
import Essentials
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The servers a running `aips dev` uses, kept in `.data/servers.json` while it runs, so every other `aips` command
/// started in that directory (or below it) finds them without the user writing URLs: `REDIS_URL` and
/// `DATABASE_URL` still win when set.
struct DevServers: Codable, Equatable {
    var redisURL: String
    var databaseURL: String
    /// The `aips dev` process; a file left by one that no longer runs is ignored.
    var processID: Int32
    /// The file of keys that seal TOTP secrets (`TOTP_ENCRYPTION_KEYS_FILE` for the other commands).
    var totpKeysFile: String?

    static let fileName = "servers.json"

    /// Writes the file into `directory` (the dev data directory).
    func write(in directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: directory.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// Removes the file from `directory` if this process wrote it.
    static func remove(in directory: URL) {
        let url = directory.appendingPathComponent(fileName)
        guard let servers = read(url), servers.processID == getpid() else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// The servers of an `aips dev` still running whose `.data` is in `directory` or one of its parents.
    static func running(from directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> DevServers? {
        var directory = directory.standardizedFileURL
        while true {
            if let servers = read(directory.appendingPathComponent(".data").appendingPathComponent(fileName)), kill(servers.processID, 0) == 0 {
                return servers
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    /// `REDIS_URL`, else the running `aips dev`'s Redis.
    static var redisURL: String? {
        nonEmpty(ProcessInfo.processInfo.environment["REDIS_URL"]) ?? running()?.redisURL
    }

    /// `DATABASE_URL`, else the running `aips dev`'s PostgreSQL.
    static var databaseURL: String? {
        nonEmpty(ProcessInfo.processInfo.environment["DATABASE_URL"]) ?? running()?.databaseURL
    }

    /// `TOTP_ENCRYPTION_KEYS` (or `_FILE`), else the running `aips dev`'s keys; nil when there are none.
    static func totpKeyring() throws -> SecretKeyring? {
        if let keyring = try SecretKeyring.fromEnvironment(ProcessInfo.processInfo.environment) { return keyring }
        guard let file = running()?.totpKeysFile else { return nil }
        return try SecretKeyring.fromEnvironment(["TOTP_ENCRYPTION_KEYS_FILE": file])
    }

    /// The dev data directory's TOTP keys file, made with a new random key the first time; returns its path.
    static func totpKeysFile(in directory: URL) throws -> String {
        let url = directory.appendingPathComponent("totp-encryption.keys")
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // Owner-only from the first byte: the key never sits readable by others.
            guard FileManager.default.createFile(
                atPath: url.path, contents: Data((try SecretKeyring.makeKey() + "\n").utf8), attributes: [.posixPermissions: 0o600])
            else { throw ValidationError("cannot write \(url.path)") }
        }
        return url.path
    }

    private static func read(_ url: URL) -> DevServers? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(DevServers.self, from: data)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        value.flatMap { $0.isEmpty ? nil : $0 }
    }
}
