-- 400 predictions over 100 games of two sports, for GET /predictions.
INSERT INTO teams (sport, external_id, name) VALUES ('nba', 'bench-home', 'Home'), ('nba', 'bench-away', 'Away')
ON CONFLICT DO NOTHING;
INSERT INTO games (sport, external_id, home_team_id, away_team_id, scheduled_at)
SELECT 'nba', 'bench-' || g, (SELECT id FROM teams WHERE external_id = 'bench-home'), (SELECT id FROM teams WHERE external_id = 'bench-away'),
       now() + g * interval '1 hour'
FROM generate_series(1, 100) AS g
ON CONFLICT DO NOTHING;
INSERT INTO models (name, version, sport, bet_type, feature_set_version, training_start, training_end, artifact, artifact_sha256)
VALUES ('bench', 1, 'nba', 'spread', 'v1', now() - interval '1 year', now(), '\x00', repeat('0', 64))
ON CONFLICT DO NOTHING;
INSERT INTO predictions (game_id, model_id, sport, bet_type, selection, line, probability, price, edge, tier, stake, prediction_hash)
SELECT g.id, (SELECT id FROM models WHERE name = 'bench'), 'nba', b.bet_type, 'home', -3.5, 0.55, 1.91, 0.03,
       (ARRAY['A','B','C','D'])[1 + (g.id % 4)], 0.01, encode(sha256((g.id || b.bet_type)::bytea), 'hex')
FROM games g CROSS JOIN (VALUES ('spread'), ('moneyline'), ('total'), ('player_prop')) AS b(bet_type)
WHERE g.external_id LIKE 'bench-%'
ON CONFLICT DO NOTHING;
