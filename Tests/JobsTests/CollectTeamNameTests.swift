import Store
import Testing

@testable import Jobs

/// Team names from different sources resolve to the same stored team.
@Suite struct CollectTeamNameTests {
    private let teams = [
        Team(id: 1, sport: "nba", externalID: "13", name: "LA Clippers"),
        Team(id: 2, sport: "nba", externalID: "14", name: "Los Angeles Lakers"),
        Team(id: 3, sport: "mlb", externalID: "20", name: "Athletics"), Team(id: 4, sport: "mlb", externalID: "4", name: "Boston Red Sox"),
        Team(id: 5, sport: "mlb", externalID: "6", name: "Chicago White Sox"),
        Team(id: 6, sport: "mlb", externalID: "26", name: "St. Louis Cardinals"),
    ]

    @Test func aliasesAndTrailingWordsFindTheTeam() {
        let directory = TeamDirectory(teams: teams, normalizer: .standard)
        #expect(directory.resolve("Los Angeles Clippers")?.id == 1)
        #expect(directory.resolve("los angeles lakers")?.id == 2)
        #expect(directory.resolve("Oakland Athletics")?.id == 3)
        #expect(directory.resolve("St Louis Cardinals")?.id == 6)
        #expect(directory.resolve("Red Sox")?.id == 4)
    }

    @Test func anAmbiguousOrUnknownNameFindsNothing() {
        let directory = TeamDirectory(teams: teams, normalizer: .standard)
        #expect(directory.resolve("Sox") == nil)
        #expect(directory.resolve("Toronto Blue Jays") == nil)
    }

    @Test func americanPricesConvertToDecimal() {
        #expect(OddsFormat.american.decimalPrice(-164)! == 1 + 100.0 / 164)
        #expect(OddsFormat.american.decimalPrice(50) == nil)
        #expect(OddsFormat.american.decimalPrice(-110.5) == nil)
        #expect(OddsFormat.decimal.decimalPrice(0.9) == nil)
    }
}
