@testable import Essentials
import Foundation
import Testing

/// JSON values: integers decode exactly, and numbers compare and hash by value whichever case holds them.
@Suite struct JSONValueTests {
    @Test func integersDecodeExactlyAndNumbersCompareByValue() throws {
        let value = try #require(JSONValue(text: #"{"id": 9007199254740993, "p": 0.25, "n": 3, "list": [1, 2.5, null, true]}"#))
        guard case .object(let fields) = value else { Issue.record("not an object"); return }
        #expect(fields["id"] == .integer(9_007_199_254_740_993))
        #expect(fields["p"] == .number(0.25) && fields["p"]?.numberValue == 0.25)
        #expect(fields["n"] == .number(3) && fields["n"] == .integer(3) && fields["n"]?.numberValue == 3)
        #expect(fields["list"] == [1, .number(2.5), .null, true])
        // 2^53 + 1 has no double of its own: it never equals 2^53 as a double, nor does 2^53 as an integer.
        #expect(JSONValue.integer(9_007_199_254_740_993) != .number(9_007_199_254_740_992))
        #expect(JSONValue.integer(9_007_199_254_740_992) == .number(9_007_199_254_740_992))
        #expect(Set<JSONValue>([.integer(3), .number(3), .number(3.5)]).count == 2)
        #expect(JSONValue.string("3") != .integer(3) && JSONValue.null != .bool(false))
        #expect(value.text == #"{"id":9007199254740993,"list":[1,2.5,null,true],"n":3,"p":0.25}"#)
        #expect(JSONValue(text: "{nope") == nil)
    }
}
