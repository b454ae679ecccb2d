import Essentials
import Jobs
import Testing

struct OddsConversionTests {
    private func close(_ a: Double?, _ b: Double, within tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func americanToDecimal() {
        #expect(close(OddsConversion.decimal(fromAmerican: 100), 2.0))
        #expect(close(OddsConversion.decimal(fromAmerican: -100), 2.0))
        #expect(close(OddsConversion.decimal(fromAmerican: -110), 1 + 100 / 110))
        #expect(close(OddsConversion.decimal(fromAmerican: 250), 3.5))
        #expect(close(OddsConversion.decimal(fromAmerican: -250), 1.4))
        #expect(OddsConversion.decimal(fromAmerican: 50) == nil)
        #expect(OddsConversion.decimal(fromAmerican: -99) == nil)
        #expect(OddsConversion.decimal(fromAmerican: .nan) == nil)
    }

    @Test func decimalToAmerican() {
        #expect(close(OddsConversion.american(fromDecimal: 2.0), 100))
        #expect(close(OddsConversion.american(fromDecimal: 3.5), 250))
        #expect(close(OddsConversion.american(fromDecimal: 1 + 100 / 110), -110, within: 1e-9))
        #expect(close(OddsConversion.american(fromDecimal: 1.4), -250, within: 1e-9))
        #expect(OddsConversion.american(fromDecimal: 1.0) == nil)
        #expect(OddsConversion.american(fromDecimal: 0.5) == nil)
        for american in [-1_000.0, -300, -110, -105, 100, 115, 250, 900] {
            #expect(
                close(OddsConversion.decimal(fromAmerican: american).flatMap(OddsConversion.american(fromDecimal:)), american, within: 1e-9)
            )
        }
    }

    @Test func impliedAndFairPrices() {
        #expect(close(OddsConversion.impliedProbability(decimal: 2.0), 0.5))
        #expect(close(OddsConversion.impliedProbability(decimal: 1 + 100 / 110), 110.0 / 210))
        #expect(close(OddsConversion.impliedProbability(decimal: 3.5), 1 / 3.5))
        #expect(OddsConversion.impliedProbability(decimal: 0.9) == nil)
        #expect(close(OddsConversion.fairDecimal(probability: 0.5), 2.0))
        #expect(close(OddsConversion.fairDecimal(probability: 0.8), 1.25))
        #expect(OddsConversion.fairDecimal(probability: 0) == nil)
        #expect(OddsConversion.fairDecimal(probability: 1.2) == nil)
    }

    @Test func vigRemovalNormalisesAMarket() throws {
        // −110 / −110: each side implies 52.38 %; the 4.76 % margin is removed evenly.
        let standard = 1 + 100.0 / 110
        #expect(close(OddsConversion.overround(decimalPrices: [standard, standard]), 2 * 110.0 / 210 - 1))
        let even = try #require(OddsConversion.noVigProbabilities(decimalPrices: [standard, standard]))
        #expect(even.count == 2 && close(even[0], 0.5) && close(even[1], 0.5))

        // 1.50 / 2.70: implied 0.6667 + 0.3704 = 1.0370; no-vig 0.6429 / 0.3571.
        let skewed = try #require(OddsConversion.noVigProbabilities(decimalPrices: [1.5, 2.7]))
        #expect(close(skewed[0] + skewed[1], 1))
        #expect(close(skewed[0], (1 / 1.5) / (1 / 1.5 + 1 / 2.7)))
        #expect(skewed[0] < 1 / 1.5)

        #expect(OddsConversion.noVigProbabilities(decimalPrices: []) == nil)
        #expect(OddsConversion.noVigProbabilities(decimalPrices: [1.9, 0.5]) == nil)
    }
}
