import Foundation

extension SandboxWorld {
    private static let pitchTypes: [(code: String, name: String, speed: Double, spin: Double)] = [
        ("FF", "4-Seam Fastball", 94.5, 2300), ("SI", "Sinker", 93.5, 2150), ("SL", "Slider", 85.5, 2450), ("CH", "Changeup", 85.5, 1750),
        ("CU", "Curveball", 79.5, 2600),
    ]

    /// The pitches of a finished baseball game, seeded by the game: three outs per half inning, balls,
    /// strikes and balls in play, each ball in play a hit as often as its batter's BABIP says
    /// (`SandboxWorld+Batters.swift`). (Pitch events are not reconciled with the game's final score.)
    public func pitches(of game: SimulatedGame) -> [SimulatedPitch] {
        guard game.sport == .mlb else { return [] }
        var random = SeededStream(seed: seed, 30, Int(game.espnID) ?? 0)
        let homeIndex = league(.mlb)?.teams.firstIndex(of: game.home) ?? 0
        let awayIndex = league(.mlb)?.teams.firstIndex(of: game.away) ?? 0
        var pitches: [SimulatedPitch] = []
        var atBat = 0
        var nextUp = [0, 0]
        let batters = [lineup(team: awayIndex), lineup(team: homeIndex)]
        for inning in 1...9 {
            for isTop in [true, false] {
                let fielding = isTop ? homeIndex : awayIndex
                let pitcherID = 650_000 + fielding * 20 + (inning <= 6 ? 0 : 1 + inning % 3)
                var outs = 0
                while outs < 3 {
                    atBat += 1
                    let side = isTop ? 0 : 1
                    let batter = batters[side][nextUp[side] % Self.lineupSize]
                    let batterID = batter.id
                    nextUp[side] += 1
                    var (balls, strikes, pitch) = (0, 0, 0)
                    var event: String?
                    while event == nil {
                        pitch += 1
                        let kind = Self.pitchTypes[Int(random.uniform() * Double(Self.pitchTypes.count))]
                        let roll = random.uniform()
                        var description: String
                        var launch: (Double, Int)?
                        var woba: Double?
                        // The thresholds are `PlateAppearanceOdds`' per-pitch odds: ball 0.36, strike 0.26 (called
                        // 0.16, swinging 0.10), foul 0.18, in play 0.20.
                        switch roll {
                        case ..<PlateAppearanceOdds.ball:
                            description = "ball"
                            balls += 1
                            if balls == 4 { event = "walk" }
                        case ..<0.52:
                            description = "called_strike"
                            strikes += 1
                        case ..<(PlateAppearanceOdds.ball + PlateAppearanceOdds.strike):
                            description = "swinging_strike"
                            strikes += 1
                        case ..<(1 - PlateAppearanceOdds.inPlay):
                            description = "foul"
                            strikes = min(2, strikes + 1)
                        default:
                            description = "hit_into_play"
                            let speed = (70 + 40 * random.uniform()) * 10
                            let angle = Int(-20 + 60 * random.uniform())
                            launch = (speed.rounded() / 10, angle)
                            let quality = random.uniform()
                            let outShare = 1 - batter.ballInPlayHitRate
                            if quality < outShare {
                                event = ["field_out", "force_out", "grounded_into_double_play"][Int(random.uniform() * 3)]
                            } else {
                                // Hits keep the league's mix whatever the batter's rate: 56 % singles, 24 % doubles,
                                // 6 % triples, 15 % home runs.
                                switch (quality - outShare) / batter.ballInPlayHitRate {
                                case ..<(0.19 / 0.34): event = "single"
                                case ..<(0.27 / 0.34): event = "double"
                                case ..<(0.29 / 0.34): event = "triple"
                                default: event = "home_run"
                                }
                            }
                            woba = (quality * 1000).rounded() / 1000
                        }
                        if strikes == 3 { event = "strikeout" }
                        pitches.append(
                            SimulatedPitch(
                                atBatNumber: atBat, pitchNumber: pitch, inning: inning, isTop: isTop, batterID: batterID,
                                pitcherID: pitcherID,
                                pitcherName: "Pitcher \(pitcherID % 1000)", pitchType: kind.code,
                                releaseSpeed: ((kind.speed + 2 * random.normal()) * 10).rounded() / 10,
                                spinRate: Int(kind.spin + 120 * random.normal()), description: description,
                                event: event, launch: launch, expectedWOBA: woba))
                    }
                    if ["field_out", "force_out", "strikeout"].contains(event!) { outs += 1 }
                    if event == "grounded_into_double_play" { outs += 2 }
                }
            }
        }
        return pitches
    }

    /// Savant's code for a team (`AZ`, `CWS`, `OAK` where it differs from ESPN's abbreviation).
    static func savantCode(_ team: SandboxTeam) -> String {
        ["ARI": "AZ", "CHW": "CWS", "ATH": "OAK"][team.abbreviation] ?? team.abbreviation
    }

    /// The pitch name for a type code.
    static func pitchName(_ code: String) -> String {
        pitchTypes.first { $0.code == code }?.name ?? code
    }
}
