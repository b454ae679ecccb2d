import Hummingbird

extension Response {
    /// A 200 answer carrying `body` as `contentType`, with `headers` after the content type in their order.
    ///
    /// For the bodies built outside the JSON envelope: cached or pre-encoded JSON, HTML pages, metrics text.
    static func ok(_ body: ByteBuffer, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields: HTTPFields = [.contentType: contentType]
        fields.append(contentsOf: headers)
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: body))
    }

    /// A 200 answer carrying the encoded JSON `body`, with `headers` after the content type.
    static func json(_ body: [UInt8], headers: HTTPFields = [:]) -> Response {
        .ok(ByteBuffer(bytes: body), contentType: "application/json; charset=utf-8", headers: headers)
    }
}
