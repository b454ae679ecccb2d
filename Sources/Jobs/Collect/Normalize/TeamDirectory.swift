import Store

/// Finds the stored team a source's name means, among one sport's teams.
///
/// First the normalized name (aliases applied); then the one team sharing the longest run of trailing
/// words with it (`Los Angeles Clippers` → `LA Clippers`), when that team is unique.
struct TeamDirectory: Sendable {
    private let teams: [(normalized: String, words: [Substring], team: Team)]
    private let normalizer: TeamNameNormalizer

    init(teams: [Team], normalizer: TeamNameNormalizer) {
        self.normalizer = normalizer
        self.teams = teams.map { team in
            let normalized = normalizer.normalize(team.name)
            return (normalized, normalized.split(separator: " "), team)
        }
    }

    func resolve(_ name: String) -> Team? {
        let normalized = normalizer.normalize(name)
        if let exact = teams.first(where: { $0.normalized == normalized }) { return exact.team }
        let words = normalized.split(separator: " ")
        let scored = teams.map { candidate in
            (zip(words.reversed(), candidate.words.reversed()).prefix { $0 == $1 }.count, candidate.team)
        }
        guard let best = scored.map(\.0).max(), best > 0 else { return nil }
        let winners = scored.filter { $0.0 == best }
        return winners.count == 1 ? winners[0].1 : nil
    }
}
