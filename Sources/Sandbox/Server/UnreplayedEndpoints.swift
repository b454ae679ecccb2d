import Foundation
import Hummingbird

/// What a replayed world cannot serve: weather, Statcast and the simulator's truth answer 404 with a message
/// saying so, rather than the router's bare 404.
struct UnreplayedEndpoints: Sendable {
    let json: JSONResponse

    private struct Message: Encodable {
        let error: String
        let message: String
    }

    func register(on router: Router<BasicRequestContext>) {
        for (path, what) in [
            ("/v1/forecast", "weather forecasts"), ("/v1/archive", "weather history"), ("/data/2.5/forecast", "weather forecasts"),
            ("/statcast_search/csv", "Statcast pitches"), ("/sandbox/v1/truth/:sport", "true probabilities"),
        ] {
            router.get(RouterPath(path)) { request, _ in
                try json.make(
                    .notFound,
                    Message(error: "NOT_REPLAYED", message: "The sandbox replays historical games; its files hold no \(what)."),
                    path: request.uri.path)
            }
        }
    }
}
