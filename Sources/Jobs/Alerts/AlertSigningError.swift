import Essentials

/// An `alerts.deliver` run that left alerts unsent because this worker cannot open their webhooks' sealed secrets
/// (`TOTP_ENCRYPTION_KEYS` unset, or without the key they were sealed under). The job fails, so the operators see it
/// in the queue's failures and the worker's log; the alerts wait, claimable at once, for a worker that holds the key,
/// and the users' webhooks show nothing of it.
public struct AlertSigningError: Error, CustomStringConvertible {
    /// What the run did besides: the deliveries it did sign were sent and recorded.
    public let run: AlertDeliveryRun
    /// Why the secret could not be opened (the last such webhook's).
    public let reason: SecretKeyError

    public var description: String {
        "\(run.unsigned) alert(s) not sent: this worker cannot sign their webhooks (\(reason)); they wait for a worker with "
            + "the key (\(run.delivered) delivered, \(run.failed) failed in this run)"
    }
}
