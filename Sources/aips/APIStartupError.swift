/// A setting that keeps `aips api` from starting (a missing or short JWT secret), said plainly, without the usage text.
struct APIStartupError: Error, CustomStringConvertible {
    var description: String
}
