import Testing
@testable import ML
