import ArgumentParser
import Sandbox

/// `--replay-format games|football-data`.
extension ReplayFormat: ExpressibleByArgument {}
