import Dispatch
public import Foundation
import Postgres

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program to completion without blocking a thread of the cooperative pool.
///
/// Spawned with `posix_spawn` and reaped with `waitpid` on a dispatch thread, rather than with
/// Foundation's `Process`: `pg_ctl start` leaves a daemon behind that inherits `Process`'s exit-detection
/// descriptor on Linux, so `Process` never reports that `pg_ctl` itself has exited (or, seen in the tests, reports an
/// exit it then has no status for). Public for the tests' scripts that start PostgreSQL servers.
public enum ChildProcess {
    /// Runs `executable` with `arguments`, stdin from `/dev/null`, stdout and stderr appended to `log`;
    /// returns its exit status (128 + signal if it was killed).
    public static func run(_ executable: String, _ arguments: [String], log: URL) async throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw StoreError(.embeddedServer, message: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        let child = pid
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var status: Int32 = 0
                while waitpid(child, &status, 0) == -1 && errno == EINTR {}
                let signal = status & 0x7f
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
            }
        }
    }
}
