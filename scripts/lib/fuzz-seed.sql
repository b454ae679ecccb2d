-- What the API fuzz reads, so every documented read reaches its logic and answers 2xx at least once: two teams,
-- a game that went final yesterday (settled by a real `settle` job, which writes its daily report) and one
-- tomorrow, their odds, a champion model with its report, and a pick on each game; and two shadow models with
-- pending promotion requests for the broad run, one with a graded shadow forecast (the targeted run's are made after
-- the broad run, fuzz-seed-pending.sql). Prints the ids, one per line: game, model, prediction, yesterday (YYYY-MM-DD).
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned
BEGIN;
INSERT INTO teams (sport, external_id, name, abbreviation) VALUES
    ('nba', 'fuzz-home', 'Fuzz Home', 'FZH'), ('nba', 'fuzz-away', 'Fuzz Away', 'FZA');
INSERT INTO games (sport, external_id, season, home_team_id, away_team_id, scheduled_at, status, home_score, away_score)
SELECT 'nba', 'fuzz-final', 2026, h.id, a.id, date_trunc('day', now()) - interval '1 day' + interval '19 hours', 'final', 110, 101
FROM teams h, teams a WHERE h.external_id = 'fuzz-home' AND a.external_id = 'fuzz-away';
INSERT INTO games (sport, external_id, season, home_team_id, away_team_id, scheduled_at)
SELECT 'nba', 'fuzz-next', 2026, h.id, a.id, date_trunc('day', now()) + interval '1 day' + interval '19 hours'
FROM teams h, teams a WHERE h.external_id = 'fuzz-home' AND a.external_id = 'fuzz-away';
INSERT INTO odds (game_id, sport, bookmaker, market, outcome, price, recorded_at)
SELECT g.id, 'nba', 'pinnacle', 'h2h', side, price, g.scheduled_at - interval '2 hours'
FROM games g, (VALUES ('home', 1.80), ('away', 2.10)) AS o (side, price) WHERE g.external_id LIKE 'fuzz-%';
INSERT INTO models (name, version, sport, bet_type, status, feature_set_version, training_start, training_end, metrics,
    artifact, artifact_sha256, promoted_at)
VALUES ('nba_moneyline_meta', 1, 'nba', 'moneyline', 'champion', 'v1', now() - interval '400 days', now() - interval '2 days',
    '{"log_loss": 0.66, "auc": 0.62}', '\x00', encode(sha256('\x00'::bytea), 'hex'), now() - interval '1 day');
INSERT INTO model_reports (model_id, html) SELECT id, '<html><body>fuzz</body></html>' FROM models WHERE name = 'nba_moneyline_meta';
INSERT INTO predictions (game_id, model_id, sport, bet_type, selection, probability, price, edge, tier, stake, prediction_hash,
    pick, bookmaker, publication, published_at)
SELECT g.id, m.id, 'nba', 'moneyline', 'home', 0.60, 1.80, 0.08, 'A', 0.02,
    encode(sha256(convert_to('fuzz-' || g.external_id, 'UTF8')), 'hex'), true, 'pinnacle', 'open', g.scheduled_at - interval '2 hours'
FROM games g, models m WHERE g.external_id LIKE 'fuzz-%' AND m.name = 'nba_moneyline_meta';
INSERT INTO models (name, version, sport, bet_type, status, feature_set_version, training_start, training_end, metrics,
    artifact, artifact_sha256)
SELECT 'nba_' || bet_type || '_meta', 1, 'nba', bet_type, 'shadow', 'v1', now() - interval '400 days', now() - interval '2 days',
    '{"log_loss": 0.65, "auc": 0.63}', '\x00', encode(sha256('\x00'::bytea), 'hex')
FROM (VALUES ('spread'), ('total')) AS t (bet_type);
INSERT INTO promotion_requests (model_id, metrics) SELECT id, metrics FROM models WHERE name IN ('nba_spread_meta', 'nba_total_meta');
INSERT INTO shadow_forecasts (model_id, game_id, bet_type, line, probability, forecast_at, result, graded_at)
SELECT m.id, g.id, 'spread', -4.5, 0.58, g.scheduled_at - interval '2 hours', 'win', now()
FROM models m, games g WHERE m.name = 'nba_spread_meta' AND g.external_id = 'fuzz-final';
COMMIT;
SELECT id FROM games WHERE external_id = 'fuzz-next';
SELECT id FROM models WHERE name = 'nba_moneyline_meta';
SELECT p.id FROM predictions p JOIN games g ON g.id = p.game_id WHERE g.external_id = 'fuzz-next';
SELECT to_char(now() - interval '1 day', 'YYYY-MM-DD');
