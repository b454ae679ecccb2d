import Essentials
import Hummingbird
import Postgres
import Store

/// `POST /admin/models/{id}/rollback`: the ML guide's rollback (2.7) on an admin's word, the one the monitor's triggers
/// make (`ModelRepository.rollBack`): the champion is retired, the previous champion of its market is champion again,
/// and both carry the reason in their events. The next prediction run of the market uses the reinstated model.
struct AdminModelRoutes: Sendable {
    let database: any PostgresDatabase
    let maxBodySize: Int

    func register(on group: RouteRegistrar) {
        group.post("models/{id}/rollback", use: rollBack)
    }

    /// The retired model and the reinstated one (absent when the market had no earlier champion, so it has none now);
    /// 404 for an unknown model, 409 `MODEL_NOT_CHAMPION` for one that is not a champion.
    @Sendable func rollBack(_ request: Request, context: APIRequestContext) async throws -> Envelope<ModelRollbackView, EmptyMeta> {
        let id = try QueryFilters.pathID(context, label: "the model id")
        var request = request
        let body = try await request.decodeShortJSON(ReasonRequest.self, context: context, limit: maxBodySize)
        try body.validate()
        let admin = try context.requireIdentity().userID
        switch try await database.models.rollBack(id: id, reason: "\(body.reason) (rolled back by \(admin))") {
        case .notFound:
            throw APIError.notFound("Model", id: id, code: "MODEL_NOT_FOUND", key: "model_id")
        case .notChampion(let status):
            throw APIError(
                .conflict, code: "MODEL_NOT_CHAMPION", "model \(id) is \(status.rawValue), not a champion: there is nothing to roll back",
                details: ["model_id": .integer(Int64(id)), "status": .string(status.rawValue)])
        case .rolledBack(let reinstated):
            var reinstatedView: ModelView?
            if let reinstated { reinstatedView = try await view(reinstated) }
            return Envelope(data: ModelRollbackView(rolledBack: try await view(id), reinstated: reinstatedView), meta: EmptyMeta())
        }
    }

    /// The model as `GET /models/{id}` shows it, with its events.
    private func view(_ id: Int) async throws -> ModelView {
        guard let summary = try await database.models.summary(id: id) else {
            throw APIError.notFound("Model", id: id, code: "MODEL_NOT_FOUND", key: "model_id")
        }
        return ModelView(summary, events: try await database.modelReports.events(modelID: id))
    }
}
