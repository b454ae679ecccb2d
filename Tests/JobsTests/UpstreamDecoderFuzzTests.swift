import Foundation
import ML
import Testing

@testable import Jobs

/// The upstream decoders under hostile input: each real sample (CollectFixtures) mutated many ways — a key
/// removed, a value swapped for another JSON type or an extreme, the bytes cut short or corrupted — either
/// decodes or fails with `CollectorError(.invalidPayload)` that says where. Any other error, or a trap, fails.
@Suite struct UpstreamDecoderFuzzTests {
    /// Each wire type with the reference sample it decodes.
    static let cases: [(name: String, file: String, sample: String, decode: @Sendable (UpstreamResponse) throws -> Void)] = [
        ("odds", "the-odds-api.json", "odds_american", { _ = try PayloadDecoder.decode([OddsAPIEvent].self, from: $0) }),
        ("odds, decimal", "the-odds-api.json", "odds_decimal", { _ = try PayloadDecoder.decode([OddsAPIEvent].self, from: $0) }),
        ("scores", "the-odds-api.json", "scores", { _ = try PayloadDecoder.decode([OddsAPIScoreEvent].self, from: $0) }),
        ("historical odds", "the-odds-api.json", "historical_odds", { _ = try PayloadDecoder.decode(OddsAPIHistoricalSnapshot.self, from: $0) }),
        ("scoreboard", "espn.json", "scoreboard", { _ = try PayloadDecoder.decode(ESPNScoreboard.self, from: $0) }),
        ("summary", "espn.json", "summary", { _ = try PayloadDecoder.decode(ESPNSummary.self, from: $0) }),
        ("injuries", "espn.json", "injuries_league", { _ = try PayloadDecoder.decode(ESPNInjuries.self, from: $0) }),
        ("open-meteo", "open-meteo.json", "forecast_hourly", { _ = try PayloadDecoder.decode(OpenMeteoForecast.self, from: $0) }),
        ("openweathermap", "openweathermap.json", "forecast5", { _ = try PayloadDecoder.decode(OpenWeatherMapForecast.self, from: $0) }),
    ]

    @Test(arguments: 0..<cases.count)
    func mutatedSamplesDecodeOrFailWithAnInvalidPayload(_ index: Int) throws {
        let fuzzCase = Self.cases[index]
        let sample = try CollectTestSupport.referenceBody(fuzzCase.file, "samples", fuzzCase.sample, "body")
        // The unmutated sample decodes: otherwise every mutation below would fail for the wrong reason.
        try fuzzCase.decode(Self.response(sample))
        var generator = SplitMix64(seed: 0x5EED_0000 + UInt64(index))  // seeded: a failing mutation replays
        var rejected = 0
        let iterations = 400
        for iteration in 0..<iterations {
            let body = try JSONMutation.random(using: &generator).apply(to: sample, using: &generator)
            do {
                try fuzzCase.decode(Self.response(body))
            } catch let error as CollectorError {
                #expect(error.code == .invalidPayload, "\(fuzzCase.name) #\(iteration): \(error)")
                #expect(!error.message.isEmpty)
                rejected += 1
            } catch {
                Issue.record("\(fuzzCase.name) #\(iteration): \(type(of: error)) escaped the decoder: \(error)")
            }
        }
        // The mutations must reach the decoder's checks, not only its happy path.
        #expect(rejected > iterations / 10, "\(fuzzCase.name): only \(rejected) of \(iterations) mutations were rejected")
    }

    static func response(_ body: Data) -> UpstreamResponse {
        UpstreamResponse(source: "fuzz", endpoint: "/fuzz", status: 200, headers: [:], body: body, fetchedAt: Date())
    }
}

/// One way to spoil a JSON document.
enum JSONMutation: CaseIterable {
    case removeKey, replaceValue, truncate, corruptByte

    static func random(using generator: inout SplitMix64) -> JSONMutation {
        allCases[Int(generator.next() % UInt64(allCases.count))]
    }

    func apply(to body: Data, using generator: inout SplitMix64) throws -> Data {
        switch self {
        case .truncate:
            return body.prefix(Int(generator.next() % UInt64(max(1, body.count))))
        case .corruptByte:
            var bytes = [UInt8](body)
            let replacements: [UInt8] = [0x00, 0xFF, 0xC3, UInt8(ascii: "\""), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "9")]
            bytes[Int(generator.next() % UInt64(bytes.count))] = replacements[Int(generator.next() % UInt64(replacements.count))]
            return Data(bytes)
        case .removeKey, .replaceValue:
            var document = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
            var paths: [[PathStep]] = []
            Self.collect(document, at: [], into: &paths)
            guard !paths.isEmpty else { return body }
            let path = paths[Int(generator.next() % UInt64(paths.count))]
            let replacements: [Any] = [NSNull(), "", "not a number", -1, 1e308, Int64.max, [Any](), [String: Any](), true, "2024-13-45T99:99:99Z"]
            let replacement = self == .removeKey ? nil : replacements[Int(generator.next() % UInt64(replacements.count))]
            document = Self.set(document, at: path[...], to: replacement)
            return try JSONSerialization.data(withJSONObject: document, options: [.fragmentsAllowed])
        }
    }

    enum PathStep { case key(String), index(Int) }

    /// Every value's path; for `removeKey` only object members are removed, array elements are replaced.
    private static func collect(_ node: Any, at path: [PathStep], into paths: inout [[PathStep]]) {
        if let object = node as? [String: Any] {
            for (key, value) in object {
                paths.append(path + [.key(key)])
                collect(value, at: path + [.key(key)], into: &paths)
            }
        } else if let array = node as? [Any] {
            for (index, value) in array.enumerated() {
                paths.append(path + [.index(index)])
                collect(value, at: path + [.index(index)], into: &paths)
            }
        }
    }

    /// `node` with the value at `path` replaced, or removed when `value` is nil (an array element becomes null).
    private static func set(_ node: Any, at path: ArraySlice<PathStep>, to value: Any?) -> Any {
        guard let step = path.first else { return value ?? NSNull() }
        switch step {
        case .key(let key):
            var object = node as? [String: Any] ?? [:]
            if path.count == 1 {
                object[key] = value
            } else if let child = object[key] {
                object[key] = set(child, at: path.dropFirst(), to: value)
            }
            return object
        case .index(let index):
            var array = node as? [Any] ?? []
            guard array.indices.contains(index) else { return array }
            array[index] = path.count == 1 ? (value ?? NSNull()) : set(array[index], at: path.dropFirst(), to: value)
            return array
        }
    }
}
