@testable import Essentials
import Foundation
import Testing

@Suite struct JSONSyntaxTests {
    @Test(arguments: [
        "{}", "[]", "0", "-0.5e+10", "\"text\"", "true", "null", " {\"a\": [1, 2.5, {\"b\": null}], \"c\": \"\\u00e9\\n\"} ",
        "[1e3, -0, 0.0, \"\\\"\\\\\\/\"]", "{\"ünï\": \"cödé\"}",
    ])
    func acceptsJSON(_ text: String) {
        #expect(JSONSyntax.isValid(text))
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil)
    }

    @Test(arguments: [
        "", "{", "{\"a\"}", "{\"a\":}", "[1,]", "{,}", "01", "1.", ".5", "-", "1e", "tru", "nulls", "'x'", "{a:1}",
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12G4\"", "\"raw\ncontrol\"", "[1 2]", "{} {}", "NaN", "[" + String(repeating: "[", count: 300) + String(repeating: "]", count: 301),
    ])
    func refusesEverythingElse(_ text: String) {
        #expect(!JSONSyntax.isValid(text))
    }
}
