/// Open-Meteo's forecast and archive body (the same shape), as the real service spells it (`../shared/reference/api-formats/open-meteo.json`).
enum OpenMeteoWire {
    struct Forecast: Encodable {
        let latitude: Double
        let longitude: Double
        let generationtime_ms: Double
        let utc_offset_seconds: Int
        let timezone: String
        let timezone_abbreviation: String
        let elevation: Double
        let hourly_units: [String: String]
        let hourly: Hourly
    }

    /// `time` plus one array per requested variable, all parallel; `null` where there is no value.
    struct Hourly: Encodable {
        let time: [String]
        let variables: [(name: String, values: [Double?])]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(time, forKey: DynamicKey("time"))
            for variable in variables {
                try container.encode(variable.values, forKey: DynamicKey(variable.name))
            }
        }
    }

    struct DynamicKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct ErrorBody: Encodable {
        let error: Bool
        let reason: String
    }
}
