import Essentials
import Foundation
import Store

/// The body of `POST /betting/bankroll`: a deposit or a withdrawal.
struct BankrollRequest: Decodable, Sendable {
    /// `deposit` or `withdrawal`.
    var type: String
    /// The amount, positive whichever the type.
    var amount: Double
    var note: String?
    var clientKey: String?

    /// The ledger entry this asks for (signed), for `userID`, with `clientKey`; a 400 for a bad field.
    func entry(userID: UUID, clientKey: String?) throws -> BankrollEntry {
        guard let kind = BankrollEntry.Kind(rawValue: type), kind != .betResult else {
            throw APIError.validation("type must be deposit or withdrawal", field: "type")
        }
        let cents = try Money.cents(amount, field: "amount")
        if let note, note.count > 500 { throw APIError.validation("note must be at most 500 characters", field: "note") }
        let signed = kind == .deposit ? cents : -cents
        let fingerprint = Digest.sha256.hex([kind.rawValue, String(signed), note ?? ""].joined(separator: "\u{1F}"))
        return BankrollEntry(userID: userID, kind: kind, amountCents: signed, note: note, clientKey: clientKey, requestHash: fingerprint)
    }
}
