import Essentials
import Foundation
import Postgres
import Store

extension JSONValue {
    /// The JSON form of an `Encodable` value, for open-ended `jsonb` columns.
    init(encoding value: some Encodable) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }
}
