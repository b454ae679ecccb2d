import Postgres
/// The statements behind effectively-once job writes.
enum JobEffects {
    /// Records a job id; inserts nothing (0 rows) when the id is already there.
    static let claim = PreparedStatement(
        name: "job_effects_claim",
        sql: "INSERT INTO job_effects (job_id) VALUES ($1) ON CONFLICT (job_id) DO NOTHING")
}
