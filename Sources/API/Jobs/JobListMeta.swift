/// `meta` of `GET /api/v1/jobs`: the seed's page fields, and whether `total` counted every job.
struct JobListMeta: Encodable, Sendable {
    var total: Int
    var page: Int
    var limit: Int
    /// False when a type or date filter stopped reading at the scan limit: `total` is then a lower bound.
    var totalIsExact: Bool
}
