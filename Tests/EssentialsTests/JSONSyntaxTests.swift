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

/// The canonical form raw payloads are deduplicated by: one text for one content, whatever the layout.
@Suite struct JSONCanonicalFormTests {
    private func canonical(_ text: String, leavingOut keys: Set<String> = []) -> String? {
        var text = text
        return text.withUTF8 { JSONSyntax.canonicalObject($0, leavingOut: keys) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func layoutMemberOrderAndSpellingDoNotCount() throws {
        let compact = #"{"a":1,"b":[{"x":"y/z","w":2.5}],"c":null}"#
        #expect(canonical(compact) == #"{"a":1,"b":[{"w":2.5,"x":"y/z"}],"c":null}"#)
        for other in [
            " {\n  \"c\" : null,\n  \"b\" : [ { \"x\" : \"y\\/z\", \"w\" : 2.50 } ],\n  \"a\" : 1.0\n}\n",
            #"{"b":[{"w":25e-1,"x":"\u0079/z"}],"a":1,"c":null}"#,
        ] {
            #expect(canonical(other) == canonical(compact), "\(other)")
        }
        // Arrays keep their order; a changed value, a missing member or a changed key is other content.
        for different in [
            #"{"a":1,"b":[{"x":"y/z","w":2.6}],"c":null}"#, #"{"a":1,"b":[{"x":"y/z"}],"c":null}"#, #"{"A":1,"b":[{"x":"y/z","w":2.5}],"c":null}"#,
            #"{"a":"1","b":[{"x":"y/z","w":2.5}],"c":null}"#, #"{"a":1,"b":[{"x":"y/z","w":2.5}],"c":false}"#,
        ] {
            #expect(canonical(different) != canonical(compact), "\(different)")
        }
        #expect(canonical(#"{"l":[2,1]}"#) != canonical(#"{"l":[1,2]}"#))
    }

    @Test func stringsHaveOneSpellingAndNumbersOneText() {
        #expect(canonical(#"{"s":"caf\u00e9 \ud83d\ude00 \/ \" \\ \n \u0001 \u001F"}"#) == "{\"s\":\"café 😀 / \\\" \\\\ \\n \\u0001 \\u001f\"}")
        #expect(canonical(#"{"n":[2.0,1E2,-0,0.1,1e-7,12345678901234567890,-9223372036854775808,0.30000000000000004]}"#)
            == #"{"n":[2,100,0,0.1,1e-07,1.2345678901234567e+19,-9223372036854775808,0.30000000000000004]}"#)
        // Escaped keys are keys too: they sort, and match, by their characters.
        #expect(canonical(#"{"\u0062":1,"a":2}"#) == #"{"a":2,"b":1}"#)
    }

    @Test func leavesOutOnlyTheNamedTopLevelMembers() {
        let text = #"{"next":"t2","data":{"next":1},"timestamp":"t","previous":"t0"}"#
        #expect(canonical(text, leavingOut: ["next", "previous"]) == #"{"data":{"next":1},"timestamp":"t"}"#)
        #expect(canonical(#"{"next":1}"#, leavingOut: ["next"]) == "{}")
        // Members with the same key are all kept, in their order.
        #expect(canonical(#"{"k":2,"a":0,"k":1}"#) == #"{"a":0,"k":2,"k":1}"#)
    }

    @Test(arguments: [
        "[1]", "\"text\"", "1", "null", "", "{", #"{"a":}"#, #"{"a":1,}"#, #"{"s":"\ud83d"}"#, #"{"s":"\ude00"}"#, #"{"n":1e400}"#,
        "{} {}", "{" + String(repeating: "\"a\":{", count: 600) + String(repeating: "}", count: 601),
    ])
    func refusesAnythingButOneWellFormedObject(_ text: String) {
        #expect(canonical(text) == nil)
    }

    @Test func itsTextIsJSONOfTheSameValue() throws {
        let text = #"{"b":[true,false,null,{"z":-1.5e3,"y":"\u00e9\t"}],"a":{"k":[]},"c":{}}"#
        let form = try #require(canonical(text))
        #expect(JSONSyntax.isValid(form))
        let original = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! NSDictionary
        let reread = try JSONSerialization.jsonObject(with: Data(form.utf8)) as! NSDictionary
        #expect(original.isEqual(reread))
        #expect(canonical(form) == form)
    }
}
