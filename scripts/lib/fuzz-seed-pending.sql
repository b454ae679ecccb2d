-- Pending promotion requests for the targeted run to approve and to reject, made after the broad run: that run finds
-- every request through the promotion list's links and may approve or reject fuzz-seed.sql's (with force) before the
-- targeted run gets to them. Another sport's shadow models, so they never meet the one shadow a sport and bet type may
-- have. Prints the ids, one per line: the request to approve, the request to reject.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned
BEGIN;
INSERT INTO models (name, version, sport, bet_type, status, feature_set_version, training_start, training_end, metrics,
    artifact, artifact_sha256)
SELECT 'nhl_' || bet_type || '_meta', 1, 'nhl', bet_type, 'shadow', 'v1', now() - interval '400 days', now() - interval '2 days',
    '{"log_loss": 0.65, "auc": 0.63}', '\x00', encode(sha256('\x00'::bytea), 'hex')
FROM (VALUES ('spread'), ('total')) AS t (bet_type);
INSERT INTO promotion_requests (model_id, metrics) SELECT id, metrics FROM models WHERE sport = 'nhl' AND status = 'shadow';
COMMIT;
SELECT r.id FROM promotion_requests r JOIN models m ON m.id = r.model_id WHERE m.name = 'nhl_spread_meta';
SELECT r.id FROM promotion_requests r JOIN models m ON m.id = r.model_id WHERE m.name = 'nhl_total_meta';
