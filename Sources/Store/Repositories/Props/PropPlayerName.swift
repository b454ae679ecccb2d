/// The name of the player a player-prop prediction is on, read where the platform learnt it.
///
/// A prop's selection names the player by id (`batter:592450:hits_over`, `player:3112335:points_over`): a batter by
/// Statcast's id, whose name Statcast's batter search gives (`statcast.batter_name`); an NBA player by ESPN's athlete
/// id, whose name the box scores give (`player_game_points`). The prices were matched to those ids through the same
/// names, so a priced prop's player has one.
public enum PropPlayerName {
    /// A SQL expression for the player name of the prediction aliased `p`: null for any other bet type, or for a player
    /// no row names.
    public static func sql(prediction p: String) -> String {
        """
        CASE WHEN \(p).bet_type = 'player_prop' AND split_part(\(p).selection, ':', 2) ~ '^[0-9]{1,18}$' THEN
            CASE split_part(\(p).selection, ':', 1)
            WHEN 'batter' THEN (SELECT s.batter_name FROM statcast s
                WHERE s.batter_id = split_part(\(p).selection, ':', 2)::bigint AND s.batter_name IS NOT NULL
                ORDER BY s.game_date DESC LIMIT 1)
            WHEN 'player' THEN (SELECT b.player_name FROM player_game_points b
                WHERE b.player_id = split_part(\(p).selection, ':', 2)::bigint ORDER BY b.game_id DESC LIMIT 1)
            END
        END
        """
    }
}
