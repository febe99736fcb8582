import VNEngine
import VNRules

/// The producers the built-in rules call, by name. Each takes the values the
/// rule captured (lexicon values, spans' values, or token text) and returns the
/// entity's value, or nil to reject the match.
///
/// | producer | arguments | value |
/// |---|---|---|
/// | `digits` | text | a digit string as Vietnamese writes it ("1.332" → 1332) |
/// | `spelled` | text | number words and digits with scale words ("ba mươi lăm", "3 tỷ 500 triệu") |
/// | `times` | a, b | a × b (b null → a) |
/// | `scale_like` | a, b | a range's lower bound with the upper bound's scale ("5 đến 7 triệu" → 5000000) |
/// | `money` | amount, min, max, currency, qualifier, per | `{"amount"|"min","max", "currency", ...}` |
/// | `quantity` | amount, min, max, of, unit, qualifier | `{"amount"|"min","max", "of", "unit", ...}` |
/// | `unit` | text, fallback | a counted noun, lower-cased; the fallback when text is null |
/// | `object` | any labeled | an object of the non-null arguments |
/// | `organization` | name, kind | see ``OrganizationProducers`` |
///
/// The date producers (`calendar_date`, `date`, `clock`, ...) are in ``DateProducers``.
public enum StandardProducers {
    /// All standard producers.
    public static let registry: ProducerRegistry = {
        var registry = ProducerRegistry()
        registry.register("digits", summary: "digit string → number (\"1.332\" → 1332, \"5,5\" → 5.5)") { arguments in
            guard let text = arguments.value("text", at: 0).string else { return nil }
            return VietnameseNumbers.parseDigits(text).map(JSONValue.number)
        }
        registry.register("spelled", summary: "number words, digits and scale words → number (\"ba mươi lăm\" → 35)") { arguments in
            guard let text = arguments.value("text", at: 0).string else { return nil }
            let words = text.split(separator: " ").map(String.init)
            return VietnameseNumbers.parseMixed(words).map(JSONValue.number)
        }
        registry.register("times", summary: "a × b; b may be null") { arguments in
            guard let a = arguments.value("a", at: 0).number else { return nil }
            let b = arguments.value("b", at: 1)
            if b.isNull { return .number(a) }
            guard let factor = b.number else { return nil }
            return .number(a * factor)
        }
        registry.register("scale_like", summary: "a range's lower bound, given the upper bound's scale if it has none") { arguments in
            guard let a = arguments.value("a", at: 0).number, let b = arguments.value("b", at: 1).number else { return nil }
            var scale = 1.0
            while b / (scale * 1000) >= 1 { scale *= 1000 }
            return .number(scale > 1 && a < scale && a * scale <= b ? a * scale : a)
        }
        registry.register("money", summary: "{amount | min, max; currency; qualifier; per}") { arguments in
            guard !arguments.value("currency").isNull else { return nil }
            return measurement(arguments, keys: ["amount", "min", "max", "currency", "qualifier", "per"])
        }
        registry.register("quantity", summary: "{amount | min, max; of; unit; qualifier}") { arguments in
            measurement(arguments, keys: ["amount", "min", "max", "of", "unit", "qualifier"])
        }
        registry.register("unit", summary: "counted noun: the text lower-cased; the fallback when the text is null") { arguments in
            if let text = arguments.value("text", at: 0).string { return .string(text.lowercased()) }
            let fallback = arguments.value("fallback", at: 1)
            return fallback.isNull ? nil : fallback
        }
        registry.register("object", summary: "an object of the non-null labeled arguments") { arguments in
            .object(arguments.nonNullFields)
        }
        OrganizationProducers.register(in: &registry)
        DateProducers.register(into: &registry)
        return registry
    }()

    /// An amount or a range with its other keys; nil without a number, or with
    /// a range whose minimum exceeds its maximum.
    private static func measurement(_ arguments: ProducerArguments, keys: [String]) -> JSONValue? {
        var fields: [String: JSONValue] = [:]
        for key in keys {
            let value = arguments.value(key)
            if !value.isNull { fields[key] = value }
        }
        let amount = fields["amount"]?.number
        let min = fields["min"]?.number, max = fields["max"]?.number
        if let min, let max {
            guard min <= max else { return nil }
            fields["amount"] = nil
        } else {
            guard let amount else { return nil }
            // A fraction of a whole cannot exceed it ("19/5" is a date, not 19 of 5).
            if let of = fields["of"]?.number, amount > of { return nil }
            fields["min"] = nil
            fields["max"] = nil
        }
        return .object(fields)
    }
}
