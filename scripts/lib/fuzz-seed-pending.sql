-- A pending promotion request for the targeted run to reject, made after the broad run: that run finds every request
-- through the promotion list's links and may approve or reject fuzz-seed.sql's (with force) before the targeted run
-- gets to it. Another sport's shadow model, so it never meets the one shadow a sport and bet type may have. Prints its id.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned
BEGIN;
INSERT INTO models (name, version, sport, bet_type, status, feature_set_version, training_start, training_end, metrics,
    artifact, artifact_sha256)
VALUES ('nhl_total_meta', 1, 'nhl', 'total', 'shadow', 'v1', now() - interval '400 days', now() - interval '2 days',
    '{"log_loss": 0.65, "auc": 0.63}', '\x00', encode(sha256('\x00'::bytea), 'hex'));
INSERT INTO promotion_requests (model_id, metrics) SELECT id, metrics FROM models WHERE name = 'nhl_total_meta'
    RETURNING id;
COMMIT;
