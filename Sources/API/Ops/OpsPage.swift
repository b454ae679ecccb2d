import Essentials
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /ops`: the ops page, one self-contained HTML document (inline style and script, no
/// external assets) served with a Content-Security-Policy that admits exactly its own inline
/// style and script, by hash, and connections only to its own origin (images only as `data:`,
/// for the empty favicon that keeps the browser from asking for `/favicon.ico`).
struct OpsPage: ResponseGenerator {
    private static let body: [UInt8] = Array(OpsPageMarkup.document.utf8)

    /// Computed once: the hashes pin the exact inline blocks, so an injected script or style
    /// (should data ever reach the DOM as markup) would not run.
    static let contentSecurityPolicy: String = {
        func hash(_ text: String) -> String { "'sha256-" + Data(Digest.sha256.hash(Array(text.utf8))).base64EncodedString() + "'" }
        return [
            "default-src 'none'", "script-src \(hash(OpsPageMarkup.script))", "style-src \(hash(OpsPageMarkup.style))",
            "connect-src 'self'", "img-src data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }()

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .ok(
            ByteBuffer(bytes: Self.body), contentType: "text/html; charset=utf-8",
            headers: [
                .contentSecurityPolicy: Self.contentSecurityPolicy, .xContentTypeOptions: "nosniff",
                HTTPField.Name("Referrer-Policy")!: "no-referrer", .cacheControl: "no-cache",
            ])
    }
}
