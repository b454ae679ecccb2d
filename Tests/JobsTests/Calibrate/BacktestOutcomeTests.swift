import Foundation
import Store
import Testing

@testable import Jobs

/// The calibrator's backtest grades every side it may bet, a three-way moneyline's draw and away included.
@Suite struct BacktestOutcomeTests {
    private static func game(label: Double, drawLabel: Double?) -> TrainingExample {
        TrainingExample(gameID: 1, scheduledAt: Date(), asOf: Date(), features: [:], label: label, drawLabel: drawLabel)
    }

    @Test func threeWaySidesAreGradedByTheDrawLabel() {
        let homeWin = Self.game(label: 1, drawLabel: nil)
        let draw = Self.game(label: 0, drawLabel: 1)
        let awayWin = Self.game(label: 0, drawLabel: 0)
        let grade = { (selection: String, game: TrainingExample) in
            ModelCalibrator.wins(selection, game, betType: .moneyline, threeWay: true)
        }
        #expect([grade("home", homeWin), grade("draw", homeWin), grade("away", homeWin)] == [true, false, false])
        #expect([grade("home", draw), grade("draw", draw), grade("away", draw)] == [false, true, false])
        #expect([grade("home", awayWin), grade("draw", awayWin), grade("away", awayWin)] == [false, false, true])
        // A game the home side did not win, without a draw label, cannot grade draw or away.
        #expect(grade("away", Self.game(label: 0, drawLabel: nil)) == nil)
    }

    @Test func twoWaySidesAreGradedByTheLabel() {
        #expect(ModelCalibrator.wins("away", Self.game(label: 0, drawLabel: nil), betType: .moneyline, threeWay: false) == true)
        #expect(ModelCalibrator.wins("under", Self.game(label: 1, drawLabel: nil), betType: .total, threeWay: false) == false)
        #expect(ModelCalibrator.wins("over", Self.game(label: 1, drawLabel: nil), betType: .total, threeWay: false) == true)
    }
}
