import ArgumentParser
import Queue
import Redis

/// `aips queue move NAME --to HOST:PORT`: reshards one live queue onto another Redis Cluster master.
struct QueueMoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a queue (its hash slot) to another Redis Cluster master while producers and workers run.",
        discussion: """
            Use this, not `redis-cli --cluster reshard`, for a slot that holds a queue: the queue's scripts wait \
            while it moves. If the move stops halfway, run it again with the same target. With no --to, lists the \
            masters and the one serving the queue.
            """)
    @OptionGroup var options: QueueCommandOptions
    @Argument(help: "Queue name.") var queue: String
    @Option(help: "The master to move it to, as host:port (one of the cluster's masters).")
    var to: String?

    func validate() throws {
        if let to, RedisNodeAddress(to) == nil { throw ValidationError("--to must be host:port, e.g. 10.0.0.7:6379") }
    }

    func run() async throws {
        try await options.redis.withQueue { jobs in
            guard let backend = jobs.backend as? RedisQueueBackend else { throw ValidationError("the queue is not on Redis") }
            guard let target = to.flatMap(RedisNodeAddress.init) else {
                let serving = try await backend.master(of: queue)
                for master in try await backend.redis.clusterMasters() {
                    print("\(master)\(master == serving ? "  ← \(queue)" : "")")
                }
                return
            }
            let slot = try await backend.moveQueue(queue, to: target)
            print("\(queue) (slot \(slot)) is on \(target)")
        }
    }
}
