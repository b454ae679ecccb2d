import Foundation

/// CPU time and peak memory of this process, recorded with every training run (seed 2.8: "time and resources").
struct ResourceUsage: Sendable {
    /// User plus system CPU seconds so far.
    let cpuSeconds: Double
    /// The peak resident set size in megabytes (Linux `VmHWM`), or `nil` where /proc is missing.
    let peakResidentMegabytes: Double?

    /// The figures now.
    static func now() -> ResourceUsage {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ResourceUsage(cpuSeconds: cpu, peakResidentMegabytes: peakResident())
    }

    private static func peakResident() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return nil }
        return kilobytes / 1024
    }
}
