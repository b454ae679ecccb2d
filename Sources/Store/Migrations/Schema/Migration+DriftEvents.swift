extension Migration {
    /// 29: `drift_detected` model events: the drift monitor (`monitor.drift`) logs a champion whose features moved
    /// significantly since training, with the features and their indexes.
    static let driftEvents = Migration(
        version: 29,
        name: "drift_events",
        up: """
            ALTER TABLE model_events DROP CONSTRAINT model_events_kind_check;
            ALTER TABLE model_events ADD CONSTRAINT model_events_kind_check CHECK (kind IN (
                'promoted', 'kept_challenger', 'rolled_back', 'reinstated', 'promotion_requested', 'rejected', 'superseded',
                'drift_detected'));
            """,
        down: """
            DELETE FROM model_events WHERE kind = 'drift_detected';
            ALTER TABLE model_events DROP CONSTRAINT model_events_kind_check;
            ALTER TABLE model_events ADD CONSTRAINT model_events_kind_check CHECK (kind IN (
                'promoted', 'kept_challenger', 'rolled_back', 'reinstated', 'promotion_requested', 'rejected', 'superseded'));
            """
    )
}
