import API
import Essentials
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Store

/// Real HTTP calls to the served API, answering status, headers and the JSON body.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    struct Reply: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var json: JSONValue

        /// `error.code` of an error reply.
        var errorCode: String? { json["error"]?["code"]?.string }
        var data: JSONValue? { json["data"] }
    }

    func request(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response in
            let text = String(buffer: response.body)
            return Reply(status: response.status, headers: response.headers, text: text, json: JSONValue(text: text) ?? .null)
        }
    }

    func get(_ uri: String, token: String? = nil) async throws -> Reply {
        try await request(.get, uri, token: token)
    }

    func post(_ uri: String, token: String? = nil, json: String) async throws -> Reply {
        try await request(.post, uri, token: token, body: json)
    }

    /// Logs in (without 2FA) and returns the access and refresh tokens.
    func login(_ user: TestUser) async throws -> (access: String, refresh: String) {
        let reply = try await post(
            "/api/v1/auth/login", json: #"{"email":"\#(user.email)","password":"\#(user.password)"}"#)
        guard reply.status == .ok, let access = reply.data?["access_token"]?.string, let refresh = reply.data?["refresh_token"]?.string else {
            throw LoginFailed(reply: reply.text)
        }
        return (access, refresh)
    }

    struct LoginFailed: Error {
        var reply: String
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var int: Int? {
        switch self {
        case .integer(let value): Int(value)
        case .number(let value): Int(exactly: value)
        default: nil
        }
    }

    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
