import Hummingbird
import Postgres
import Store

/// `GET /admin/predictions/export`: the prediction history as CSV, with the filters, `sort` and `order` of
/// `GET /predictions`.
///
/// At most `maxRows` rows, in the order asked; `X-Total-Count` says how many matched, so a caller sees when the
/// export was cut and can narrow the dates; `AIPS-Market` says where the prices came from, as `meta.market` does in
/// JSON. It reads the replica while it keeps up.
struct AdminExportRoutes: Sendable {
    let reader: PredictionReader
    /// Where the predictions' prices come from.
    var market: MarketSource = .live
    /// The most rows one export holds.
    static let maxRows = 50_000

    func register(on group: RouteRegistrar) {
        group.get("predictions/export", use: predictions)
    }

    @Sendable func predictions(_ request: Request, context: APIRequestContext) async throws -> Response {
        let filter = try PredictionFilter(request.uri.queryParameters)
        let found = try await reader.rows(filter, limit: Self.maxRows, consistency: .boundedStaleness)
        return .ok(
            ByteBuffer(string: PredictionCSV.document(found.views)), contentType: "text/csv; charset=utf-8",
            headers: [
                .init("Content-Disposition")!: "attachment; filename=\"predictions.csv\"",
                .init("X-Total-Count")!: String(found.total),
                .init("AIPS-Market")!: market.rawValue,
            ])
    }
}
