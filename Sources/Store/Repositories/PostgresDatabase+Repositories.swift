import Postgres
extension PostgresDatabase {
    /// `teams`.
    public var teams: TeamRepository { TeamRepository(database: self) }
    /// `games`.
    public var games: GameRepository { GameRepository(database: self) }
    /// `game_starters`, announced starting pitchers by when they were first seen.
    public var gameStarters: GameStarterRepository { GameStarterRepository(database: self) }
    /// `pitcher_game_lines`: starting pitchers' box-score lines.
    public var pitcherLines: PitcherGameLineRepository { PitcherGameLineRepository(database: self) }
    /// `team_game_stats`: teams' box-score statistics (football, hockey, soccer).
    public var teamStats: TeamGameStatsRepository { TeamGameStatsRepository(database: self) }
    /// `odds` snapshots.
    public var odds: OddsRepository { OddsRepository(database: self) }
    /// `closing_lines`.
    public var closingLines: ClosingLineRepository { ClosingLineRepository(database: self) }
    /// `weather`.
    public var weather: WeatherRepository { WeatherRepository(database: self) }
    /// `injuries`.
    public var injuries: InjuryRepository { InjuryRepository(database: self) }
    /// `game_summaries`.
    public var gameSummaries: GameSummaryRepository { GameSummaryRepository(database: self) }
    /// `statcast`.
    public var statcast: StatcastRepository { StatcastRepository(database: self) }
    /// Batters' game lines from `statcast` and the player props already predicted.
    public var playerProps: PlayerPropRepository { PlayerPropRepository(database: self) }
    /// `player_game_points`: NBA players' points per game, from ESPN's box scores.
    public var playerPoints: PlayerPointsRepository { PlayerPointsRepository(database: self) }
    /// `odds_api_events`: each game's Odds API event id, for the per-event player markets.
    public var oddsAPIEvents: OddsAPIEventRepository { OddsAPIEventRepository(database: self) }
    /// `prop_odds`: the books' player-prop prices.
    public var propOdds: PropOddsRepository { PropOddsRepository(database: self) }
    /// `raw_ingest`.
    public var rawIngest: RawIngestRepository { RawIngestRepository(database: self) }
    /// Point-in-time reads of games, odds, weather and Statcast for the featurizer.
    public var featureSources: FeatureSourceRepository { FeatureSourceRepository(database: self) }
    /// `game_features`, the point-in-time feature store.
    public var gameFeatures: GameFeatureRepository { GameFeatureRepository(database: self) }
    /// `models`, the model registry.
    public var models: ModelRepository { ModelRepository(database: self) }
    /// `model_reports` and `model_events`: evaluation pages and promotion decisions.
    public var modelReports: ModelReportRepository { ModelReportRepository(database: self) }
    /// `promotion_requests`: challengers awaiting review.
    public var promotionRequests: PromotionRequestRepository { PromotionRequestRepository(database: self) }
    /// `shadow_forecasts`: what shadow models forecast, never published.
    public var shadowForecasts: ShadowForecastRepository { ShadowForecastRepository(database: self) }
    /// `predictions`.
    public var predictions: PredictionRepository { PredictionRepository(database: self) }
    /// `daily_reports`.
    public var dailyReports: DailyReportRepository { DailyReportRepository(database: self) }
    /// Weekly and monthly reports, computed from `predictions`.
    public var periodReports: PeriodReportRepository { PeriodReportRepository(database: self) }
    /// `job_runs`, the finished-job archive.
    public var jobRuns: JobRunArchive { JobRunArchive(database: self) }
    /// `users`.
    public var users: UserRepository { UserRepository(database: self) }
    /// `user_recovery_codes`, two-factor recovery codes by hash.
    public var recoveryCodes: RecoveryCodeRepository { RecoveryCodeRepository(database: self) }
    /// `data_quality_checks`.
    public var dataQualityChecks: DataQualityCheckRepository { DataQualityCheckRepository(database: self) }
    /// Daily row counts per table.
    public var dataVolumes: DataVolumeRepository { DataVolumeRepository(database: self) }
}
