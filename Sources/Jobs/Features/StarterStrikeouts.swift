import Foundation
import Store

/// What starters' strikeouts and walks say of them: the `sp_kbb9_*` features and `line_adjust_starter_kbb`, the two
/// starters' edge as log-odds of a home win (an adjustment to the line, as `StarterEffect`'s is).
///
/// Strikeouts minus walks per nine innings is the part of a pitcher's line that is his own (FIP's reasoning: balls in
/// play depend on the defence and on luck), and it settles in a few starts where his runs allowed take a season.
/// His rate over his recent starts is shrunk toward the league's by ``priorInnings``, then turned into a factor on the
/// opponents' runs with FIP's weights (a strikeout is worth about 2 runs per 9 innings against a walk's 3, so one more
/// (K − BB) per 9 is worth about 0.28 runs per 9) over the share of the game a starter pitches.
struct StarterStrikeouts: Sendable {
    /// Innings of league-average pitching his own record is weighed against.
    static let priorInnings = 30.0
    /// Runs per nine innings one more (strikeout − walk) per nine saves, FIP's weights.
    static let runsPerStrikeoutMinusWalk = 0.28
    /// The share of a game's innings a starter pitches.
    static let starterShare = 17.0 / 27.0
    /// His most recent starts read.
    static let starts = 15

    /// Per athlete, his lines in start order.
    private let byAthlete: [String: [PitcherGameLine]]
    /// Every line's start, in order, with the league's outs and (K − BB) summed up to and including it.
    private let league: [(scheduledAt: Date, outs: Int, strikeoutsMinusWalks: Int)]

    init(_ lines: [PitcherGameLine]) {
        let ordered = lines.sorted { ($0.scheduledAt, $0.gameID, $0.athleteID) < ($1.scheduledAt, $1.gameID, $1.athleteID) }
        byAthlete = Dictionary(grouping: ordered, by: \.athleteID)
        var outs = 0
        var strikeoutsMinusWalks = 0
        league = ordered.map { line in
            outs += line.outs
            strikeoutsMinusWalks += line.strikeouts - line.walks
            return (line.scheduledAt, outs, strikeoutsMinusWalks)
        }
    }

    /// `athleteID`'s last ``starts`` lines whose results were known at `asOf`, other than in `gameID`.
    func recent(_ athleteID: String, excluding gameID: Int, asOf: Date) -> ArraySlice<PitcherGameLine> {
        (byAthlete[athleteID] ?? []).filter {
            $0.gameID != gameID && $0.scheduledAt.addingTimeInterval(FeatureSourceRepository.resultDelay) <= asOf
        }.suffix(Self.starts)
    }

    /// The league's (K − BB) per nine innings over every line known at `asOf`; nil before the first.
    func leaguePerNine(asOf: Date) -> Double? {
        let cutoff = asOf.addingTimeInterval(-FeatureSourceRepository.resultDelay)
        var (low, high) = (0, league.count)
        while low < high {
            let middle = (low + high) / 2
            if league[middle].scheduledAt <= cutoff { low = middle + 1 } else { high = middle }
        }
        guard low > 0, league[low - 1].outs > 0 else { return nil }
        return Double(league[low - 1].strikeoutsMinusWalks) * 27 / Double(league[low - 1].outs)
    }

    /// Strikeouts minus walks per nine innings over `lines`; nil without an out.
    static func perNine(_ lines: some Collection<PitcherGameLine>) -> Double? {
        let outs = lines.reduce(0) { $0 + $1.outs }
        guard outs > 0 else { return nil }
        return Double(lines.reduce(0) { $0 + $1.strikeouts - $1.walks }) * 27 / Double(outs)
    }

    /// His factor on the opponents' runs (1 for the league's rate), from his lines and the league's rate, at
    /// `runsPerGame` per team; nil without an out.
    static func factor(_ lines: some Collection<PitcherGameLine>, leaguePerNine: Double, runsPerGame: Double) -> Double? {
        guard let own = perNine(lines), runsPerGame > 0 else { return nil }
        let innings = Double(lines.reduce(0) { $0 + $1.outs }) / 3
        let shrunk = leaguePerNine + (own - leaguePerNine) * innings / (innings + priorInnings)
        return 1 - (shrunk - leaguePerNine) * runsPerStrikeoutMinusWalk * starterShare / runsPerGame
    }
}
