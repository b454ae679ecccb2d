import Foundation
import Hummingbird
import OpenAPIKit

/// The OpenAPI document, encoded once per process.
struct OpenAPIResponse: ResponseGenerator {
    /// Sorted keys keep the text the same from one process to the next; slashes stay unescaped for the paths.
    private static let body: Result<[UInt8], any Error> = Result {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(OpenAPIDocument.document))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        // The document is fixed, and a test encodes it: a failure here would be a bug, answered as a 500.
        .json(try Self.body.get())
    }
}
