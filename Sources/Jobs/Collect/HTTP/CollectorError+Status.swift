extension CollectorError {
    /// The error of `response`, an answer other than 200 from `source`, by its status: 429 is `rateLimited`; 401 is
    /// `invalidCredentials` where the request carried the key the upstream requires (`keyed`); any other 4xx is
    /// `requestRejected`, the request's own fault; anything else is `upstreamFailed`. The message is the body's first
    /// 200 bytes unless `message` says better.
    init(response: UpstreamResponse, source: String, keyed: Bool = false, message: String? = nil) {
        let code: Code
        switch response.status {
        case 401 where keyed: code = .invalidCredentials
        case 429: code = .rateLimited
        case 400..<500: code = .requestRejected
        default: code = .upstreamFailed
        }
        self.init(code, source: source, endpoint: response.endpoint, status: response.status, message: message ?? response.bodyPrefix())
    }
}
