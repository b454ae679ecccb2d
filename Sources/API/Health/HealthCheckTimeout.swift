/// A readiness probe whose dependency did not answer within its limit.
struct HealthCheckTimeout: Error {}
