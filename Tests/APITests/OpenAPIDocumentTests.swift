import API
import Foundation
import HTTPTypes
import OpenAPIKit
import Testing

/// The OpenAPI document is valid OpenAPI 3.1, as built and as served.
struct OpenAPIDocumentTests {
    /// The default validations (every `$ref` resolves, parameters and operation ids are unique) and the stricter
    /// builtins a hand-written document wants; strict, so a 3.2-only field in the 3.1 document fails too.
    private static var validator: Validator {
        Validator().validating(
            \.documentContainsPaths, \.pathsContainOperations, \.operationsContainResponses, \.pathParametersAreDefined,
            \.jsonSchemaReferencesFoundInComponents)
    }

    @Test func documentPassesOpenAPIKitValidation() throws {
        let document = APIServer.openAPIDocument
        #expect(document.openAPIVersion == .v3_1_0)
        let warnings = try document.validate(using: Self.validator)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func servedDocumentDecodesValidatesAndDescribesEveryServedRoute() async throws {
        let harness = try await APITestHarness.make()
        let served = Set(harness.server.routes.map(\.description))
        try await harness.run { client in
            let reply = try await client.get("/api/v1/openapi.json")
            #expect(reply.status == .ok)
            let document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(reply.text.utf8))
            #expect(document.openAPIVersion == .v3_1_0)
            _ = try document.validate(using: Self.validator)
            let documented = Set(
                document.paths.flatMap { path, item in
                    (item.b?.endpoints ?? []).map { "\($0.method.rawValue) \(path.rawValue)" }
                })
            #expect(documented == served)
            #expect(documented == Set(APIServer.documentedRoutes.map(\.description)))
        }
    }
}
