import Testing
@testable import Redis

@Suite struct RedisValueTests {
    @Test func bulkStringsDecodeAsTextAndIntegers() {
        let value = RedisValue.bulk(Array("42".utf8))
        #expect(value.string == "42")
        #expect(value.int == 42)
        #expect(RedisValue.bulk(Array("x".utf8)).int == nil)
    }

    @Test func onlyArraysHaveElements() {
        #expect(RedisValue.array([.integer(1)]).array == [.integer(1)])
        #expect(RedisValue.integer(1).array == nil)
        #expect(RedisValue.null.isNull)
        #expect(RedisValue.error("ERR x").string == nil)
    }
}
