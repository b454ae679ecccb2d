import ArgumentParser
import Foundation
import Store

/// `aips migrate status`: lists every migration and whether it is applied; exits 1 on drift.
struct MigrateStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "List migrations and their state (exit 1 if one changed or is unknown).")

    @OptionGroup var options: MigrateOptions

    func run() async throws {
        let statuses = try await options.withMigrator { try await $0.status() }
        var drift = false
        for status in statuses {
            let state: String
            switch status.state {
            case .applied(let at): state = "applied \(at.formatted(.iso8601))"
            case .pending: state = "pending"
            case .changed(let checksum):
                state = "CHANGED after it was applied (applied checksum \(checksum.prefix(12))…)"
                drift = true
            case .unknown:
                state = "UNKNOWN to this build"
                drift = true
            }
            print(
                "\(String(status.version).padding(toLength: 6, withPad: " ", startingAt: 0)) \(status.name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(state)"
            )
        }
        if drift { throw ExitCode(1) }
    }
}
