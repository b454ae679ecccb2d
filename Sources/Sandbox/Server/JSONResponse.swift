import Foundation
import Hummingbird

/// Builds the sandbox's JSON responses, applying any injected fault.
struct JSONResponse: Sendable {
    let faults: FaultPlan

    /// Sorted keys: the same world state always gives the same bytes, so collectors' hash dedupe can work.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    func make(_ status: HTTPResponse.Status, _ body: some Encodable, path: String, headers: HTTPFields = [:]) throws -> Response {
        var status = status
        var data = try Self.encoder.encode(body)
        if let fault = faults.fault(for: path) {
            if case .status(let code) = fault { status = HTTPResponse.Status(code: code) }
            data = FaultPlan.apply(fault, to: data)
        }
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
