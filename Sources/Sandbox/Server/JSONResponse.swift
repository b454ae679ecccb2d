import Foundation
import Hummingbird

/// Builds the sandbox's responses (JSON, or CSV for Savant), applying any injected fault.
struct JSONResponse: Sendable {
    let faults: FaultPlan

    /// Sorted keys: the same world state gives the same bytes, except where the real service varies too
    /// (Open-Meteo's `generationtime_ms`, The Odds API's `next_timestamp` once a newer snapshot exists).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    func make(_ status: HTTPResponse.Status, _ body: some Encodable, path: String, headers: HTTPFields = [:]) throws -> Response {
        try make(status, data: Self.encoder.encode(body), contentType: "application/json; charset=utf-8", path: path, headers: headers)
    }

    func make(_ status: HTTPResponse.Status, data: Data, contentType: String, path: String, headers: HTTPFields = [:]) throws -> Response {
        var status = status
        var data = data
        var fields = headers
        let fault = faults.fault(for: path)
        if let fault {
            if case .status(let code) = fault { status = HTTPResponse.Status(code: code) }
            if case .throttled(let retryAfter) = fault {
                status = .tooManyRequests
                fields[.retryAfter] = retryAfter
            }
            if case .body = fault { status = .ok }
            data = FaultPlan.apply(fault, to: data)
        }
        fields[.contentType] = contentType
        if case .trickle(let interval) = fault {
            let bytes = data
            return Response(
                status: status, headers: fields,
                body: ResponseBody(contentLength: bytes.count) { writer in
                    for byte in bytes {
                        try await writer.write(ByteBuffer(bytes: [byte]))
                        try await Task.sleep(for: interval)
                    }
                    try await writer.finish(nil)
                })
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
