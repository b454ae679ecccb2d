import ArgumentParser
import Store

/// `aips user role USER user|admin`.
extension UserRole: ExpressibleByArgument {}
