extension Migration {
    /// 10: the daily report of each sport (seed 5.3), written by the `settle` job after it grades a day's games.
    ///
    /// One row per game day (UTC) and sport; the report is rebuilt and replaced as more of the day's
    /// games are settled, so `updated_at` says when it last changed.
    static let dailyReports = Migration(
        version: 10,
        name: "daily_reports",
        up: """
            CREATE TABLE daily_reports (
                day date NOT NULL,
                sport text NOT NULL CHECK (sport <> ''),
                report jsonb NOT NULL CHECK (jsonb_typeof(report) = 'object'),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (day, sport)
            );
            """,
        down: """
            DROP TABLE daily_reports;
            """
    )
}
