/// An optional field the real service writes as `null` when it has no value, where Swift's synthesized encoding
/// would leave the key out.
@propertyWrapper
struct ExplicitNull<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        // Optional's own encoding is a single `null` value when empty.
        try wrappedValue.encode(to: encoder)
    }
}
