extension CronExpression {
    /// The rule behind an `@` form: `@hourly` and friends, or `@every <duration>`.
    static func macro(_ name: String, arguments: ArraySlice<Substring>, in text: String) throws(CronParseError) -> Rule {
        let expansions = [
            "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
            "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
        ]
        if let expansion = expansions[name] {
            guard arguments.isEmpty else {
                throw CronParseError(expression: text, reason: "\(name) takes no arguments")
            }
            return try CronExpression(expansion).rule
        }
        guard name == "@every" else {
            throw CronParseError(
                expression: text,
                reason: "unknown macro \(name) (known: @every, @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)"
            )
        }
        guard arguments.count == 1, let seconds = durationSeconds(arguments[arguments.startIndex]), seconds > 0 else {
            throw CronParseError(expression: text, reason: "@every needs one positive duration such as 60s, 5m, 4h or 1h30m")
        }
        return .interval(seconds: seconds)
    }

    /// Seconds in a duration written as number-unit pairs (`90s`, `1h30m`, `2d`).
    static func durationSeconds(_ text: Substring) -> Int? {
        let unitSeconds: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var total = 0
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = unitSeconds[character], let amount = Int(digits) {
                total += amount * unit
                digits = ""
            } else {
                return nil
            }
        }
        return digits.isEmpty && !text.isEmpty ? total : nil
    }
}
