import Testing

@testable import Jobs

/// The promotion decision without I/O: thresholds first, then the champion, then (under review) the model in shadow.
struct PromotionVerdictTests {
    typealias Rival = PromotionVerdict.Rival

    @Test func aFailedThresholdKeepsTheChallengerWhateverItBeats() {
        let verdict = PromotionVerdict(
            failures: ["ece 0.08 > 0.06"], logLoss: 0.60, games: 100, champion: Rival(id: 1, logLoss: 0.70), shadow: nil,
            autoApprove: true)
        #expect(!verdict.passes && verdict.decision == "Kept as challenger: fails ece 0.08 > 0.06.")
    }

    @Test func theChampionMustBeBeatenOnTheSameGames() {
        let champion = Rival(id: 7, logLoss: 0.6500)
        let tie = PromotionVerdict(failures: [], logLoss: 0.6500, games: 120, champion: champion, shadow: nil, autoApprove: true)
        #expect(!tie.passes && tie.decision.contains("does not beat champion #7's 0.6500 on the same 120 games"))
        let better = PromotionVerdict(failures: [], logLoss: 0.6400, games: 120, champion: champion, shadow: nil, autoApprove: true)
        #expect(better.passes && better.decision.hasPrefix("Promoted: passes every threshold and beats the champion's log loss 0.6500"))
        let first = PromotionVerdict(failures: [], logLoss: 0.69, games: 120, champion: nil, shadow: nil, autoApprove: false)
        #expect(first.passes && first.decision.hasPrefix("Promotion requested: passes every threshold; there was no champion."))
    }

    @Test func underReviewTheModelInShadowMustBeBeatenToo() {
        let champion = Rival(id: 7, logLoss: 0.6500)
        let shadow = Rival(id: 9, logLoss: 0.6400)
        // Better than the champion, not than the shadow: the shadow's request and its shadow period stand.
        let worse = PromotionVerdict(failures: [], logLoss: 0.6450, games: 120, champion: champion, shadow: shadow, autoApprove: false)
        #expect(!worse.passes)
        #expect(worse.decision.contains("does not beat model #9's 0.6400 on the same 120 games") && worse.decision.contains("request stands"))
        let better = PromotionVerdict(failures: [], logLoss: 0.6300, games: 120, champion: champion, shadow: shadow, autoApprove: false)
        #expect(better.passes && better.decision.contains("and model #9's 0.6400 in shadow, whose request it supersedes"))
        #expect(better.decision.hasSuffix("In shadow until an admin reviews it."))
    }
}
