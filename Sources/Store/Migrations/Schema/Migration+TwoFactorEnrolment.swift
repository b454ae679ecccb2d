extension Migration {
    /// 19: two-factor enrolment over the API and recovery codes.
    ///
    /// `users.totp_pending_secret` holds a secret an enrolment started but no code has confirmed yet (sealed like
    /// `totp_secret`); confirming moves it to `totp_secret`. `user_recovery_codes` keeps each one-time recovery code
    /// as the SHA-256 (hex) of its text, never the code itself; a used code keeps its row with `used_at` set.
    static let twoFactorEnrolment = Migration(
        version: 19,
        name: "two_factor_enrolment",
        up: """
            ALTER TABLE users ADD COLUMN totp_pending_secret text;
            CREATE TABLE user_recovery_codes (
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                code_hash text NOT NULL CHECK (length(code_hash) = 64),
                created_at timestamptz NOT NULL DEFAULT now(),
                used_at timestamptz,
                PRIMARY KEY (user_id, code_hash)
            );
            """,
        down: """
            DROP TABLE user_recovery_codes;
            ALTER TABLE users DROP COLUMN totp_pending_secret;
            """
    )
}
