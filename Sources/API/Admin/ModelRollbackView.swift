/// What `POST /admin/models/{id}/rollback` answers: the retired champion and the reinstated one, each as
/// `GET /models/{id}` shows it (absent when the market had no earlier champion, so it has none now).
struct ModelRollbackView: Encodable, Sendable {
    var rolledBack: ModelView
    var reinstated: ModelView?
}
