extension Migration {
    /// 27: a settled pick's CLV against the fair close (the closing line less its margin) beside its CLV against the
    /// closing price, which counts the books' margin as value.
    static let predictionFairCLV = Migration(
        version: 27,
        name: "prediction_fair_clv",
        up: "ALTER TABLE predictions ADD COLUMN fair_clv float8;",
        down: "ALTER TABLE predictions DROP COLUMN fair_clv;"
    )
}
