extension Migration {
    /// 18: published predictions as a hash chain per sport (see `PredictionChain`).
    ///
    /// Every published prediction gets a position in its sport's chain and a link: the SHA-256 (hex) of the
    /// previous link, its publication time in whole Unix seconds and its content hash, `previous:seconds:hash`, the
    /// link before position 1 being 64 zeros. The rows published before this migration are chained here in
    /// publication order (then id), exactly as the store chains new ones, so the chain starts at the first
    /// publication. Player props, which are not publications, stay outside it.
    static let predictionChain = Migration(
        version: 18,
        name: "prediction_chain",
        up: """
            ALTER TABLE predictions
                ADD COLUMN chain_position bigint CHECK (chain_position > 0),
                ADD COLUMN chain_hash text CHECK (chain_hash ~ '^[0-9a-f]{64}$'),
                ADD CHECK ((chain_position IS NULL) = (chain_hash IS NULL));
            CREATE UNIQUE INDEX predictions_chain ON predictions (sport, chain_position);
            DO $$
            DECLARE
                r record;
                link text;
                n bigint := 0;
                current_sport text;
            BEGIN
                FOR r IN SELECT id, sport, published_at, prediction_hash FROM predictions
                         WHERE published_at IS NOT NULL ORDER BY sport, published_at, id
                LOOP
                    IF current_sport IS DISTINCT FROM r.sport THEN
                        current_sport := r.sport;
                        link := repeat('0', 64);
                        n := 0;
                    END IF;
                    n := n + 1;
                    link := encode(sha256(convert_to(
                        link || ':' || floor(extract(epoch FROM r.published_at))::bigint || ':' || r.prediction_hash, 'UTF8')), 'hex');
                    UPDATE predictions SET chain_position = n, chain_hash = link WHERE id = r.id;
                END LOOP;
            END
            $$;
            """,
        down: """
            DROP INDEX predictions_chain;
            ALTER TABLE predictions DROP COLUMN chain_hash, DROP COLUMN chain_position;
            """
    )
}
