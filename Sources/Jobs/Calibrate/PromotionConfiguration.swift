/// How a calibrated model that passes every threshold and beats the champion is promoted (ML guide 2.7).
///
/// There is no default: whoever runs the calibrator says which. `aips` reads `PROMOTION_AUTO_APPROVE` (off unless
/// set, the seed's review; on in `aips dev`); the benchmarks and the end-to-end pipeline test approve
/// automatically, as they measure the models and not the review.
public struct PromotionConfiguration: Sendable, Equatable {
    /// Promote at once, as before review existed; otherwise open a promotion request and run the model in shadow
    /// until an admin approves or rejects it.
    public var autoApprove: Bool

    /// Promotes without review.
    public static let automatic = PromotionConfiguration(autoApprove: true)
    /// Every promotion waits for an admin.
    public static let reviewed = PromotionConfiguration(autoApprove: false)
}
