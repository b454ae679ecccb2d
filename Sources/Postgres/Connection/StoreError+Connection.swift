extension StoreError {
    /// True when the statement failed for want of a working server connection rather than for anything in the
    /// statement: the connection could not be opened, broke, or the server is shutting down or starting
    /// (SQLSTATE classes 08 and 57P). Another server, or a fresh connection, may run it.
    public var isConnectionFailure: Bool {
        if code == .connectionFailed || code == .connectionClosed { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || sqlState.hasPrefix("57P")
    }

    /// SQLSTATE `40001` on a hot standby: replaying the primary's WAL cancelled the query ("conflict with
    /// recovery"); the primary runs it without that conflict.
    public var isRecoveryConflict: Bool { sqlState == "40001" }
}
